namespace ContactCenter.Benchmarks.Grains;

public sealed class StreamSinkGrain(StreamProbe probe) : Grain, IStreamSinkGrain
{
    private long _received;

    public async Task Subscribe(string streamNamespace, string streamKey) =>
        await Streams.GetStream<Tick>(new StreamId(streamNamespace, streamKey)).SubscribeAsync((_, _) =>
        {
            _received++;
            probe.Received();
            return Task.CompletedTask;
        });

    public Task<long> Received() => Task.FromResult(_received);
}
