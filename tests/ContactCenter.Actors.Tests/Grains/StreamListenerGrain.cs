namespace ContactCenter.Actors.Tests.Grains;

public sealed record ChatLine(string Text);

public sealed class StreamListenerGrain : Grain, IStreamListenerGrain
{
    private readonly List<string> _received = [];

    public async Task Listen(string streamNamespace, string streamKey) =>
        await Streams.GetStream<ChatLine>(new StreamId(streamNamespace, streamKey)).SubscribeAsync((line, token) =>
        {
            _received.Add($"{token.Sequence}:{line.Text}");
            return Task.CompletedTask;
        });

    public Task<List<string>> Received() => Task.FromResult(_received.ToList());
}

public sealed class UnserializableGrain : Grain, IUnserializableGrain
{
    public Task Take(Unserializable value) => Task.CompletedTask;
}
