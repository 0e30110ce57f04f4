namespace ContactCenter.Benchmarks.Grains;

public interface IStreamSinkGrain : IGrainWithStringKey
{
    /// <summary>Subscribes this grain to a stream of <see cref="Tick"/>; every item received is counted here and by the
    /// <see cref="StreamProbe"/>.</summary>
    Task Subscribe(string streamNamespace, string streamKey);

    /// <summary>Items this activation has received.</summary>
    [ReadOnly]
    Task<long> Received();
}
