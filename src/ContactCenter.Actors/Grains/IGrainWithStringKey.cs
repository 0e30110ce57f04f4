namespace ContactCenter.Actors;

/// <summary>A grain addressed by a string key (a call id, an agent id, a queue id).</summary>
public interface IGrainWithStringKey : IGrain;
