using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>A client or server transaction (RFC 3261 §17). State changes happen under the transaction's lock; the
/// transaction user is called after the lock is released.</summary>
public abstract class SipTransaction
{
    private const int TimerCount = (int)SipTimer.Trying + 1;

    private readonly ITimer?[] _timers = new ITimer?[TimerCount];
    private readonly int[] _generations = new int[TimerCount];
    private readonly Action _onSendFailed;

    private protected SipTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint remote, SipTransactionState initial)
    {
        Layer = layer;
        Key = key;
        Request = request;
        RemoteEndPoint = remote;
        StateValue = initial;
        _onSendFailed = OnSendFailed;
    }

    /// <summary>The key the layer matches messages with.</summary>
    public SipTransactionKey Key { get; }

    /// <summary>The request that created the transaction.</summary>
    public SipRequest Request { get; }

    /// <summary>The peer: where requests go (client) or where the request came from (server).</summary>
    public SipEndPoint RemoteEndPoint { get; }

    /// <summary>The current state.</summary>
    public SipTransactionState State
    {
        get
        {
            lock (Sync)
            {
                return StateValue;
            }
        }
    }

    /// <summary>Free for the transaction user (e.g. its call or dialog).</summary>
    public object? UserState { get; set; }

    private protected Lock Sync { get; } = new();

    private protected SipTransactionState StateValue { get; set; }

    private protected SipTransactionLayer Layer { get; }

    private protected bool Reliable => RemoteEndPoint.IsReliable;

    private protected SipTransactionOptions Options => Layer.Options;

    /// <summary>Handles a fired timer under the lock; returns what to tell the user afterwards.</summary>
    private protected abstract Notification OnTimer(SipTimer timer);

    private protected void StartTimer(SipTimer timer, TimeSpan due)
    {
        StopTimer(timer);
        var generation = ++_generations[(int)timer];
        _timers[(int)timer] = Layer.Time.CreateTimer(static state => ((TimerTick)state!).Fire(), new TimerTick(this, timer, generation), due, Timeout.InfiniteTimeSpan);
    }

    private protected void StopTimer(SipTimer timer)
    {
        _generations[(int)timer]++;
        _timers[(int)timer]?.Dispose();
        _timers[(int)timer] = null;
    }

    /// <summary>Moves to Terminated (under the lock): timers stop and the layer forgets the transaction.</summary>
    private protected void TerminateLocked()
    {
        if (StateValue == SipTransactionState.Terminated)
        {
            return;
        }
        StateValue = SipTransactionState.Terminated;
        for (var i = 0; i < TimerCount; i++)
        {
            StopTimer((SipTimer)i);
        }
        Layer.Remove(this);
    }

    /// <summary>Sends through the transport; a refusal terminates the transaction (§17.1.4, §17.2.4).</summary>
    private protected Notification SendLocked(SipMessage message, SipEndPoint destination)
    {
        if (Layer.Transport.TrySend(message, destination, _onSendFailed))
        {
            return Notification.None;
        }
        TerminateLocked();
        return Notification.TransportError;
    }

    private protected void Notify(Notification notification, SipResponse? response = null)
    {
        switch (notification)
        {
            case Notification.Timeout:
                Layer.User.OnTimeout(this);
                break;
            case Notification.TransportError:
                Layer.User.OnTransportError(this);
                break;
            case Notification.Response:
                Layer.User.OnResponse((SipClientTransaction)this, response!);
                break;
            default:
                break;
        }
    }

    /// <summary>A message was queued but the transport could not send it (connect refused or timed out, connection
    /// lost): the transaction ends with a transport error at once, not at Timer B/F (§17.1.1.2, §17.1.2.2, §8.1.3.1).</summary>
    private void OnSendFailed()
    {
        lock (Sync)
        {
            if (StateValue == SipTransactionState.Terminated)
            {
                return;
            }
            TerminateLocked();
        }
        Notify(Notification.TransportError);
    }

    private void Fire(SipTimer timer, int generation)
    {
        Notification notification;
        lock (Sync)
        {
            // A timer stopped or restarted after this callback was queued must not act (real timers race with Dispose).
            if (_generations[(int)timer] != generation || StateValue == SipTransactionState.Terminated)
            {
                return;
            }
            _timers[(int)timer]?.Dispose();
            _timers[(int)timer] = null;
            notification = OnTimer(timer);
        }
        Notify(notification);
    }

    /// <summary>What the transaction user must hear after a state change.</summary>
    private protected enum Notification
    {
        None,
        Response,
        Timeout,
        TransportError,
    }

    private sealed record TimerTick(SipTransaction Transaction, SipTimer Timer, int Generation)
    {
        public void Fire() => Transaction.Fire(Timer, Generation);
    }
}
