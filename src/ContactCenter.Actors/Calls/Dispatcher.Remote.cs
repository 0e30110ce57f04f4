using ContactCenter.Actors.Diagnostics;
using ContactCenter.Actors.Messaging;

namespace ContactCenter.Actors.Calls;

internal sealed partial class Dispatcher
{
    public InterfaceMetadata? FindInterface(string name) => _runtime.Registry.FindInterface(name);

    public GrainMethod? PendingMethod(long callId) => _pending.TryGetValue(callId, out var call) ? call.Method : null;

    /// <summary>Sends the request of <paramref name="pending"/>; its response completes it in <see cref="OnMessage"/>.
    /// Throws <see cref="DeliveryFailedException"/> when the frame could not even be queued.</summary>
    private void Send(Connection connection, SiloAddress target, PendingCall pending)
    {
        var method = pending.Method!;
        var arguments = pending.Arguments!;
        pending.Target = target;
        var request = new Message
        {
            Kind = MessageKind.Request,
            CallId = pending.CallId,
            TargetGrain = pending.Grain,
            TargetObserver = pending.Observer,
            Method = method,
            Arguments = arguments,
            OneWay = method.IsOneWay,
            Hops = pending.Hops,
        };
        _runtime.Metrics.RemoteRequests.Add(1);
        if (!connection.Send(request))
        {
            throw new DeliveryFailedException($"the connection to {target} closed before {pending.Description} was sent");
        }
        if (method.IsOneWay)
        {
            Succeed(pending, null);
            return;
        }
        if (method.CancellationTokenIndex >= 0 && arguments[method.CancellationTokenIndex] is CancellationToken { CanBeCanceled: true } token)
        {
            pending.Cancellation.Dispose(); // from an earlier hop
            pending.Cancellation = token.Register(
                static s =>
                {
                    var (connection, id) = ((Connection, long))s!;
                    connection.Send(new Message { Kind = MessageKind.Cancel, CallId = id });
                },
                (connection, pending.CallId));
        }
    }

    /// <summary>A silo answered "moved" or "not serving": the request did not run there; route it again.</summary>
    private async Task RedirectAsync(PendingCall pending, Message response)
    {
        var grain = pending.Grain!.Value;
        var from = pending.Target!;
        try
        {
            if (response.Status == ResponseStatus.Unavailable)
            {
                await AwaitNotActiveAsync(from, pending).ConfigureAwait(false);
            }
            _runtime.Locator.Moved(grain, from, response.MovedTo);
            pending.Target = null;
        }
        catch (Exception exception)
        {
            Fail(pending, exception);
            return;
        }
        await RouteAsync(grain, pending.Method!, pending.Arguments!, pending, pending.Hops + 1).ConfigureAwait(false);
    }

    private Task InvokeObserver(ObserverId observer, GrainMethod method, object?[] arguments)
    {
        if (observer.Process == _runtime.Address)
        {
            return _runtime.Observers.TryGet(observer.Id) is { } target
                ? method.Invoke(target, arguments)
                : method.Return.FromException(new ObserverUnavailableException($"observer {observer} was deleted"));
        }
        if (!_runtime.Membership.MayBeAlive(observer.Process))
        {
            return method.Return.FromException(
                new ObserverUnavailableException($"the process holding observer {observer} is dead"));
        }
        var pending = CreatePending(method);
        pending.Observer = observer;
        pending.Arguments = arguments;
        _ = SendToObserverAsync(observer, pending);
        return pending.Task;
    }

    private async Task SendToObserverAsync(ObserverId observer, PendingCall pending)
    {
        try
        {
            var process = observer.Process;
            var connection = process.IsDialable
                ? await _runtime.Connections.GetAsync(process).ConfigureAwait(false)
                : await _runtime.Connections.GetInboundAsync(process).ConfigureAwait(false);
            Send(connection, process, pending);
        }
        catch (Exception exception) when (exception is SiloUnavailableException or DeliveryFailedException)
        {
            Fail(pending, new ObserverUnavailableException($"observer {observer}: {exception.Message}"));
        }
        catch (Exception exception)
        {
            Fail(pending, exception);
        }
    }

    /// <summary>Entry point for every frame that arrives on a connection.</summary>
    public void OnMessage(Connection connection, Message message)
    {
        switch (message.Kind)
        {
            case MessageKind.Request:
                OnRequest(connection, message);
                break;
            case MessageKind.Response:
                OnResponse(message);
                break;
            case MessageKind.Cancel:
                if (_incomingCancellations.TryGetValue((connection, message.CallId), out var cancellation))
                {
                    cancellation.Cancel();
                }
                break;
        }
    }

    private void OnResponse(Message response)
    {
        if (!_pending.TryGetValue(response.CallId, out var call))
        {
            return; // timed out already
        }
        switch (response.Status)
        {
            case ResponseStatus.Ok:
                Succeed(call, response.Value);
                break;
            case ResponseStatus.Exception:
                Fail(call, response.Exception!.ToException());
                break;
            default:
                if (call.IsObserverCall)
                {
                    Fail(call, new ObserverUnavailableException($"observer {call.Observer} is not available"));
                }
                else
                {
                    _ = RedirectAsync(call, response);
                }
                break;
        }
    }

    /// <summary>A frame could not be decoded: tell the caller when we know who it is.</summary>
    public void OnUndecodable(Connection connection, MessageDecodeException exception)
    {
        _runtime.Metrics.UndecodableFrames.Add(1);
        _runtime.Log.UndecodableFrame(connection.ToString(), exception);
        if (exception.CallId is { } callId)
        {
            if (exception.IsRequest)
            {
                connection.Send(ExceptionResponse(callId, exception));
            }
            else if (_pending.TryRemove(callId, out var call))
            {
                call.TrySetException(exception);
            }
        }
    }

    /// <summary>A frame could not be encoded: fail the call it belonged to.</summary>
    public void OnUnencodable(Connection connection, Message message, Exception exception)
    {
        _runtime.Log.EncodeFailed(message.ToString(), exception);
        if (message.Kind == MessageKind.Request && _pending.TryRemove(message.CallId, out var call))
        {
            call.TrySetException(new InvalidOperationException($"could not serialize {message}: {exception.Message}", exception));
        }
        else if (message.Kind == MessageKind.Response && message.Status != ResponseStatus.Exception)
        {
            connection.Send(ExceptionResponse(message.CallId, new InvalidOperationException(
                $"could not serialize the result of #{message.CallId}: {exception.Message}", exception)));
        }
    }

    /// <summary>A connection closed: every call waiting on it fails now rather than at its timeout.</summary>
    public void FailCallsTo(SiloAddress peer, Connection? connection)
    {
        foreach (var (id, call) in _pending)
        {
            if (call.Target == peer && _pending.TryRemove(id, out _))
            {
                call.TrySetException(call.IsObserverCall
                    ? new ObserverUnavailableException($"the connection to {peer} closed before {call.Description} answered")
                    : new SiloUnavailableException($"the connection to {peer} closed before {call.Description} answered"));
            }
        }
        foreach (var key in _incomingCancellations.Keys)
        {
            if (key.Item1 == connection && _incomingCancellations.TryRemove(key, out var cancellation))
            {
                cancellation.Cancel();
            }
        }
    }

    private void OnRequest(Connection connection, Message request)
    {
        if (request.TargetObserver is { } observer)
        {
            OnObserverRequest(connection, request, observer);
            return;
        }
        var grain = request.TargetGrain!.Value;
        if (_runtime.Catalog is not { } catalog || catalog.IsStopping)
        {
            Reply(connection, request, new Message
            {
                Kind = MessageKind.Response, CallId = request.CallId, Status = ResponseStatus.Unavailable,
            });
            return;
        }
        CancellationTokenSource? cancellation = null;
        if (request.Method!.CancellationTokenIndex >= 0)
        {
            cancellation = new CancellationTokenSource();
            request.Arguments![request.Method.CancellationTokenIndex] = cancellation.Token;
            _incomingCancellations[(connection, request.CallId)] = cancellation;
        }
        var item = new InvocationWorkItem(grain, request, connection, cancellation) { Runtime = _runtime };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var activation = catalog.GetOrCreate(grain);
            if (activation.TryEnqueue(item, pumpInline: false))
            {
                return;
            }
            if (activation.Failure is { } failure)
            {
                // It failed to activate before the call was queued (a constructor or OnActivateAsync threw): say why,
                // rather than sending the caller round again to an activation that fails the same way.
                Rejected(item, movedTo: null, failure);
                return;
            }
            if (activation.ClaimedBy is { } owner)
            {
                // It lost the directory claim before the call was queued: send the caller to the owner.
                Rejected(item, owner, failure: null);
                return;
            }
        }
        Rejected(item, movedTo: null, failure: null);
    }

    private void OnObserverRequest(Connection connection, Message request, ObserverId observer)
    {
        var method = request.Method!;
        var turn = observer.Process == _runtime.Address && _runtime.Observers.TryGet(observer.Id) is { } target
            ? method.Invoke(target, request.Arguments!)
            : method.Return.FromException(new ObserverUnavailableException($"observer {observer} is not here"));
        if (request.OneWay)
        {
            return;
        }
        turn.ContinueWith(
            static (t, s) =>
            {
                var (dispatcher, connection, request) = ((Dispatcher, Connection, Message))s!;
                dispatcher.Reply(connection, request, ResponseFor(request, t));
            },
            (this, connection, request),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static Message ResponseFor(Message request, Task finished) => finished.IsCompletedSuccessfully
        ? new Message
        {
            Kind = MessageKind.Response,
            CallId = request.CallId,
            Status = ResponseStatus.Ok,
            Method = request.Method,
            Value = request.Method!.Return.GetResult(finished),
        }
        : ExceptionResponse(request.CallId, finished.IsCanceled
            ? new OperationCanceledException()
            : finished.Exception!.GetBaseException());

    private static Message ExceptionResponse(long callId, Exception exception) => new()
    {
        Kind = MessageKind.Response,
        CallId = callId,
        Status = ResponseStatus.Exception,
        Exception = Serialization.ExceptionInfo.From(exception),
    };

    private void Reply(Connection connection, Message request, Message response)
    {
        if (!request.OneWay)
        {
            connection.Send(response);
        }
    }
}
