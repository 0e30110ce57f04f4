namespace ContactCenter.Actors;

/// <summary>What a non-silo process uses to reach the cluster: grain references, observers and streams.</summary>
public interface IClusterClient : IGrainFactory
{
    IStreamProvider Streams { get; }
}
