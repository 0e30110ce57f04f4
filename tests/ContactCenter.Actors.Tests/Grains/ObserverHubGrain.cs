namespace ContactCenter.Actors.Tests.Grains;

public sealed class ObserverHubGrain : Grain, IObserverHubGrain
{
    private INotifier? _notifier;

    public Task Attach(INotifier notifier)
    {
        _notifier = notifier;
        return Task.CompletedTask;
    }

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
