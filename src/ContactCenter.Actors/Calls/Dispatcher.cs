using System.Collections.Concurrent;
using ContactCenter.Actors.Activation;
using ContactCenter.Actors.Diagnostics;
using ContactCenter.Actors.Hosting;
using ContactCenter.Actors.Membership;
using ContactCenter.Actors.Messaging;

namespace ContactCenter.Actors.Calls;

/// <summary>Routes every grain and observer call: to a local activation (no serialization, often no thread hop), or to
/// the process that hosts the target, following "moved" answers; and handles requests arriving from other processes.</summary>
internal sealed partial class Dispatcher : IMessageResolver, IDisposable
{
    /// <summary>How often one call may be redirected before it is failed (guards against a routing loop).</summary>
    private const int MaxHops = 8;

    private readonly ActorRuntime _runtime;
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly ConcurrentDictionary<(Connection, long), CancellationTokenSource> _incomingCancellations = new();
    private ITimer? _sweeper;
    private long _nextCallId;

    public Dispatcher(ActorRuntime runtime)
    {
        _runtime = runtime;
    }

    public void Start()
    {
        var period = _runtime.Options.ResponseTimeout / 10;
        period = period > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : period;
        _sweeper = _runtime.TimeProvider.CreateTimer(static s => ((Dispatcher)s!).Sweep(), this, period, period);
    }

    public void Dispose() => _sweeper?.Dispose();

    public Task Invoke(GrainReference reference, GrainMethod method, object?[] arguments)
    {
        var task = reference.GrainId is { } grain
            ? InvokeGrain(reference, grain, method, arguments)
            : InvokeObserver(reference.ObserverId!, method, arguments);
        if (!method.IsOneWay)
        {
            return task;
        }
        if (!task.IsCompletedSuccessfully)
        {
            task.ContinueWith(
                static (t, s) =>
                {
                    var (runtime, name) = ((ActorRuntime, string))s!;
                    if (t.Exception is { } exception)
                    {
                        runtime.Log.OneWayFailed(name, exception.GetBaseException());
                    }
                },
                (_runtime, method.DisplayName),
                TaskScheduler.Default);
        }
        return Task.CompletedTask;
    }

    private Task InvokeGrain(GrainReference reference, GrainId grain, GrainMethod method, object?[] arguments)
    {
        if (_runtime.Catalog is { } catalog)
        {
            var activation = reference.CachedActivation;
            if (activation is null || !activation.IsValid)
            {
                activation = catalog.TryGet(grain);
                reference.CachedActivation = activation;
            }
            if (activation is not null && activation.TryStartInlineTurn(method.IsReadOnly))
            {
                return RunInline(activation, method, arguments);
            }
        }
        var pending = CreatePending(method);
        pending.Grain = grain;
        _ = RouteAsync(grain, method, arguments, pending, hops: 0);
        return pending.Task;
    }

    private Task RunInline(ActivationData activation, GrainMethod method, object?[] arguments)
    {
        var turn = method.Invoke(activation.TargetFor(method.Interface), arguments);
        if (turn.IsCompleted)
        {
            activation.EndInlineTurn(method.IsReadOnly);
            return turn;
        }
        var pending = CreatePending(method);
        pending.Grain = activation.Id;
        turn.ContinueWith(
            static (t, s) =>
            {
                var (dispatcher, activation, pending) = ((Dispatcher, ActivationData, PendingCall))s!;
                activation.EndInlineTurn(pending.Method!.IsReadOnly);
                dispatcher.Complete(pending, t);
            },
            (this, activation, pending),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return pending.Task;
    }

    /// <summary>Finds where the grain lives (or should), then queues the call there or sends it, following "moved".</summary>
    private async Task RouteAsync(GrainId grain, GrainMethod method, object?[] arguments, PendingCall pending, int hops)
    {
        try
        {
            for (; hops <= MaxHops; hops++)
            {
                if (pending.Task.IsCompleted)
                {
                    return;
                }
                var target = await _runtime.Locator.ResolveAsync(grain).ConfigureAwait(false);
                if (target == _runtime.Address)
                {
                    if (EnqueueLocally(grain, method, arguments, pending, hops))
                    {
                        return;
                    }
                    continue;
                }
                try
                {
                    var connection = await _runtime.Connections.GetAsync(target).ConfigureAwait(false);
                    pending.Hops = hops;
                    pending.Arguments = arguments;
                    Send(connection, target, pending);
                    return; // the response completes the call in OnMessage, or routes it again
                }
                catch (DeliveryFailedException)
                {
                    // The request did not run: once the cluster agrees the target is gone, route it again (the grain
                    // comes back on a survivor). At-most-once holds: only undelivered requests are retried.
                    await AwaitNotActiveAsync(target, pending).ConfigureAwait(false);
                    _runtime.Locator.Moved(grain, target, null);
                }
            }
            throw new InvalidOperationException($"{method.DisplayName} on {grain} was redirected {MaxHops} times without reaching an activation");
        }
        catch (Exception exception)
        {
            Fail(pending, exception);
        }
    }

    /// <summary>Waits until the membership view no longer lists <paramref name="silo"/> as active (it left or was voted
    /// dead), bounded by the call's deadline. While it waits the view is re-read every
    /// <see cref="MembershipService.SuspectPollPeriod"/> (reads shared by every waiting call), so the call moves on soon
    /// after the vote rather than at this process's next heartbeat.</summary>
    private async Task AwaitNotActiveAsync(SiloAddress silo, PendingCall pending)
    {
        var membership = _runtime.Membership;
        var poll = membership.SuspectPollPeriod;
        await membership.TryRefreshAsync(poll).ConfigureAwait(false);
        while (membership.View.IsActiveSilo(silo))
        {
            var remaining = TimeSpan.FromSeconds(
                (double)(pending.DeadlineTimestamp - _runtime.TimeProvider.GetTimestamp()) / _runtime.TimeProvider.TimestampFrequency);
            if (remaining <= TimeSpan.Zero || pending.Task.IsCompleted)
            {
                throw new SiloUnavailableException($"{silo} cannot be reached and the cluster has not declared it dead in time for {pending.Description}");
            }
            try
            {
                await membership.NextViewAsync().WaitAsync(remaining < poll ? remaining : poll, _runtime.TimeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                await membership.TryRefreshAsync(poll).ConfigureAwait(false);
            }
        }
    }

    private bool EnqueueLocally(GrainId grain, GrainMethod method, object?[] arguments, PendingCall pending, int hops)
    {
        var activation = _runtime.Catalog!.GetOrCreate(grain);
        var item = new InvocationWorkItem(grain, method, arguments, pending, hops) { Runtime = _runtime };
        if (activation.TryEnqueue(item, pumpInline: true))
        {
            return true;
        }
        if (activation.Failure is { } failure)
        {
            Fail(pending, failure);
            return true;
        }
        if (activation.ClaimedBy is { } owner)
        {
            // It lost the directory claim before the call was queued (a claim can complete that fast): the owner it
            // learned is where the grain lives, not here as the cache still says.
            _runtime.Locator.Moved(grain, _runtime.Address, owner);
        }
        return false;
    }

    /// <summary>An activation will not run <paramref name="item"/>: answer or re-route it.</summary>
    public void Rejected(InvocationWorkItem item, SiloAddress? movedTo, Exception? failure)
    {
        if (item.Pending is { } pending)
        {
            if (failure is not null)
            {
                Fail(pending, failure);
                return;
            }
            _runtime.Locator.Moved(item.Target, _runtime.Address, movedTo);
            _ = RouteAsync(item.Target, item.Method, item.Arguments, pending, item.Hops + 1);
            return;
        }
        ReleaseCancellation(item);
        if (!item.Request!.OneWay)
        {
            Reply(item.Connection!, item.Request, failure is null
                ? new Message { Kind = MessageKind.Response, CallId = item.Request.CallId, Status = ResponseStatus.Moved, MovedTo = movedTo }
                : ExceptionResponse(item.Request.CallId, failure));
        }
    }

    /// <summary>Answers the caller of <paramref name="item"/> once its turn's task completes.</summary>
    public void CompleteWhenDone(InvocationWorkItem item, Task turn)
    {
        if (turn.IsCompleted)
        {
            Completed(item, turn);
            return;
        }
        turn.ContinueWith(
            static (t, s) =>
            {
                var (dispatcher, item) = ((Dispatcher, InvocationWorkItem))s!;
                dispatcher.Completed(item, t);
            },
            (this, item),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Completed(InvocationWorkItem item, Task turn)
    {
        if (item.Pending is { } pending)
        {
            Complete(pending, turn);
            return;
        }
        ReleaseCancellation(item);
        var request = item.Request!;
        if (request.OneWay)
        {
            if (turn.Exception is { } exception)
            {
                _runtime.Log.OneWayFailed(request.ToString(), exception.GetBaseException());
            }
            return;
        }
        Reply(item.Connection!, request, ResponseFor(request, turn));
    }

    private PendingCall CreatePending(GrainMethod method)
    {
        var pending = method.Return.CreatePending();
        pending.Method = method;
        pending.CallId = Interlocked.Increment(ref _nextCallId);
        pending.DeadlineTimestamp = Deadline();
        _pending[pending.CallId] = pending;
        return pending;
    }

    private long Deadline() =>
        _runtime.TimeProvider.GetTimestamp() +
        (long)(_runtime.Options.ResponseTimeout.TotalSeconds * _runtime.TimeProvider.TimestampFrequency);

    private void Complete(PendingCall pending, Task finished)
    {
        _pending.TryRemove(pending.CallId, out _);
        pending.CompleteFrom(finished);
    }

    private void Succeed(PendingCall pending, object? value)
    {
        _pending.TryRemove(pending.CallId, out _);
        pending.Cancellation.Dispose();
        pending.TrySetResult(value);
    }

    private void Fail(PendingCall pending, Exception exception)
    {
        _pending.TryRemove(pending.CallId, out _);
        pending.Cancellation.Dispose();
        pending.TrySetException(exception);
    }

    private void Sweep()
    {
        var now = _runtime.TimeProvider.GetTimestamp();
        foreach (var (id, pending) in _pending)
        {
            if (pending.Task.IsCompleted)
            {
                _pending.TryRemove(id, out _);
            }
            else if (now >= pending.DeadlineTimestamp && _pending.TryRemove(id, out _))
            {
                _runtime.Metrics.CallTimeouts.Add(1);
                pending.Cancellation.Dispose();
                pending.TrySetException(new GrainCallTimeoutException(
                    $"{pending.Description} did not answer within {_runtime.Options.ResponseTimeout}"));
            }
        }
    }

    private void ReleaseCancellation(InvocationWorkItem item)
    {
        if (item.Cancellation is { } cancellation)
        {
            _incomingCancellations.TryRemove((item.Connection!, item.Request!.CallId), out _);
            cancellation.Dispose();
        }
    }
}
