namespace ContactCenter.Actors.Tests.Grains;

public sealed class ObserverHubGrain : Grain, IObserverHubGrain
{
    private INotifier? _notifier;
    private IDisposable? _watch;
    private int _gone;

    public Task Attach(INotifier notifier)
    {
        _notifier = notifier;
        return Task.CompletedTask;
    }

    public Task Watch()
    {
        _watch?.Dispose();
        _watch = WatchObserver(_notifier!, () =>
        {
            _gone++;
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public Task Unwatch()
    {
        _watch?.Dispose();
        _watch = null;
        return Task.CompletedTask;
    }

    public Task<int> Gone() => Task.FromResult(_gone);

    public async Task<string> Send(string message)
    {
        try
        {
            await _notifier!.Notify(message);
            return "ok";
        }
        catch (Exception exception)
        {
            return exception.GetType().Name;
        }
    }
}
