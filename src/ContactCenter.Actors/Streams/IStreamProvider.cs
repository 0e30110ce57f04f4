namespace ContactCenter.Actors;

/// <summary>Publish/subscribe by (namespace, key) across processes.</summary>
public interface IStreamProvider
{
    IAsyncStream<T> GetStream<T>(StreamId id);
}
