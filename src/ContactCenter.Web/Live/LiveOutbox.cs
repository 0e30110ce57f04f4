using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace ContactCenter.Web.Live;

/// <summary>One connection's queue of live updates and the loop that sends them, one at a time, in order.</summary>
internal sealed class LiveOutbox
{
    private readonly string _connectionId;
    private readonly IReadOnlySet<string> _topics;
    private readonly Func<LiveUpdate, bool>? _filter;
    private readonly IClientProxy _client;
    private readonly LiveAudience _audience;
    private readonly Channel<LiveUpdate> _queue;

    public LiveOutbox(string connectionId, IReadOnlySet<string> topics, Func<LiveUpdate, bool>? filter, IClientProxy client,
        int capacity, LiveAudience audience)
    {
        _connectionId = connectionId;
        _topics = topics;
        _filter = filter;
        _client = client;
        _audience = audience;
        _queue = Channel.CreateBounded<LiveUpdate>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => audience.OnDropped(connectionId));
        _ = SendAllAsync();
    }

    public void Offer(LiveUpdate update)
    {
        if (_topics.Contains(update.Topic) && (_filter is null || _filter(update)))
        {
            _queue.Writer.TryWrite(update);
        }
    }

    public void Close() => _queue.Writer.TryComplete();

    private async Task SendAllAsync()
    {
        await foreach (var update in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await _client.SendAsync(update.Topic, update).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _audience.OnSendFailed(_connectionId, exception);
            }
        }
    }
}
