namespace ContactCenter.Actors;

/// <summary>Places new activations of this grain on the calling silo (or, from a client, a silo of the client's site).
/// For short-lived interaction grains (calls, chats); long-lived grains are hashed across silos.</summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class)]
public sealed class PreferLocalPlacementAttribute : Attribute;
