namespace ContactCenter.Actors.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, writes the state, returns the new count.</summary>
    Task<int> Increment();

    [ReadOnly]
    Task<int> Get();

    /// <summary>Where the current activation runs and its per-activation id.</summary>
    Task<string> WhereAmI();

    Task Deactivate();

    /// <summary>Lets this activation be collected once unused for <paramref name="age"/>.</summary>
    Task CollectWhenIdleFor(TimeSpan age);
}

[PreferLocalPlacement]
public interface ILocalCounterGrain : ICounterGrain;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Holds the turn for a while; records the most turns ever seen running at once.</summary>
    Task Work(int milliseconds);

    [ReadOnly]
    Task Look(int milliseconds);

    [ReadOnly]
    Task<int> MaxConcurrentWork();

    [ReadOnly]
    Task<int> MaxConcurrentLooks();

    Task<List<string>> Log();

    Task Append(string entry);
}

public interface IAccountGrain : IGrainWithStringKey
{
    Task<long> Deposit(int amount);

    /// <summary>Deposits once the test opens the <see cref="TurnGate"/> named <paramref name="gate"/>.</summary>
    Task<long> DepositAtGate(int amount, string gate);

    [ReadOnly]
    Task<int> Balance();

    [ReadOnly]
    Task<long> JournalVersion();

    Task Deactivate();
}

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);

    Task<int> Ticks();

    Task Stop();
}

public interface IReminderTestGrain : IGrainWithStringKey, IRemindable
{
    Task Register(string name, TimeSpan period);

    Task Unregister(string name);
}

public interface IErrorGrain : IGrainWithStringKey
{
    Task Throw(string message);

    Task<int> Hang(int milliseconds, CancellationToken cancellationToken);

    Task<int> CallSelf();
}

public interface INotifier : IGrainObserver
{
    Task Notify(string message);
}

public interface IObserverHubGrain : IGrainWithStringKey
{
    Task Attach(INotifier notifier);

    /// <summary>Notifies the attached observer; returns the exception type name, or "ok".</summary>
    Task<string> Send(string message);

    /// <summary>Watches the attached observer's process (<see cref="Grain.WatchObserver"/>), replacing an earlier watch.</summary>
    Task Watch();

    /// <summary>Stops the watch.</summary>
    Task Unwatch();

    /// <summary>How many times a watch fired.</summary>
    Task<int> Gone();
}

public interface IStreamListenerGrain : IGrainWithStringKey
{
    Task Listen(string streamNamespace, string streamKey);

    [ReadOnly]
    Task<List<string>> Received();
}

public interface IUnregisteredGrain : IGrainWithStringKey
{
    Task Ping();
}

/// <summary>A record the test context does not describe, so the serializer refuses it.</summary>
public sealed record Unserializable(Action Callback);

public interface IUnserializableGrain : IGrainWithStringKey
{
    Task Take(Unserializable value);
}

public interface IDepositTotalsProjection : IJournalProjection
{
    Task Deactivate();
}

public interface IMisconfiguredGrain : IGrainWithStringKey
{
    Task Ping();
}
