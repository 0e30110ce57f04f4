using System.Globalization;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.UserAgents;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Registration;

/// <summary>Outbound registration (RFC 3261 §10.2) for a trunk: REGISTERs our contact for an address-of-record with
/// one Call-ID and rising CSeq, answers digest challenges, follows 423 Min-Expires, refreshes before the granted expiry,
/// retries after failures and un-registers on stop. <see cref="StateChanged"/> reports every attempt's outcome.
/// Thread-safe.</summary>
public sealed partial class SipRegistrationClient : IAsyncDisposable
{
    private readonly SipUserAgent _agent;
    private readonly SipRegistrationClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SipDigestClient _credentials;
    private readonly string _callId = SipIdentifiers.NewCallId();
    private readonly string _fromTag = SipIdentifiers.NewTag();
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private long _cseq;
    private long _expires;
    private bool _running;
    private bool _inFlight;
    private Task _current = Task.CompletedTask;

    /// <summary>Creates the client; nothing is sent before <see cref="Start"/>.</summary>
    public SipRegistrationClient(SipUserAgent agent, SipRegistrationClientOptions options, TimeProvider time, ILogger<SipRegistrationClient> logger)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _agent = agent;
        _options = options;
        _time = time;
        _logger = logger;
        _credentials = new SipDigestClient(options.Username ?? options.AddressOfRecord.User!, options.Password);
        _expires = (long)options.Expires.TotalSeconds;
        _timer = time.CreateTimer(static state => ((SipRegistrationClient)state!).Attempt(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised after every attempt (and on stop), on the thread that completed it.</summary>
    public event Action<SipRegistrationClient>? StateChanged;

    /// <summary>The current state.</summary>
    public SipRegistrationState State { get; private set; }

    /// <summary>The status code of the last final response; null before the first.</summary>
    public int? LastStatusCode { get; private set; }

    /// <summary>When the current registration lapses; null when not registered.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>Starts registering now (the first attempt runs in the background).</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_running)
            {
                return;
            }
            _running = true;
            State = SipRegistrationState.Registering;
        }
        Attempt();
    }

    /// <summary>Stops refreshing and, when registered, removes our binding (REGISTER with Expires 0).</summary>
    public async Task StopAsync()
    {
        Task current;
        lock (_lock)
        {
            _running = false;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            current = _current;
        }
        // An attempt under way may still register us; un-register after it.
        await current.ConfigureAwait(false);
        if (State == SipRegistrationState.Registered)
        {
            var response = await SendAsync(0).ConfigureAwait(false);
            LastStatusCode = response.StatusCode;
        }
        ExpiresAt = null;
        State = SipRegistrationState.Unregistered;
        RaiseStateChanged();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _timer.DisposeAsync().ConfigureAwait(false);
    }

    private void Attempt()
    {
        var attempt = AttemptAsync();
        lock (_lock)
        {
            if (!attempt.IsCompleted)
            {
                _current = attempt;
            }
        }
    }

    private async Task AttemptAsync()
    {
        lock (_lock)
        {
            if (!_running || _inFlight)
            {
                return;
            }
            _inFlight = true;
        }
        TimeSpan next;
        try
        {
            var response = await SendAsync(_expires).ConfigureAwait(false);
            if (response.StatusCode == 423 && long.TryParse(response.Headers.Get(SipHeaderNames.MinExpires), CultureInfo.InvariantCulture, out var min) && min > _expires)
            {
                // §10.2.8: ask again with at least the registrar's minimum.
                _expires = min;
                response = await SendAsync(_expires).ConfigureAwait(false);
            }
            next = Completed(response);
        }
        catch (Exception exception)
        {
            LogAttemptFailed(_logger, _options.AddressOfRecord, exception);
            State = SipRegistrationState.Failed;
            ExpiresAt = null;
            next = _options.RetryInterval;
        }
        lock (_lock)
        {
            _inFlight = false;
            if (_running)
            {
                _timer.Change(next, Timeout.InfiniteTimeSpan);
            }
        }
        RaiseStateChanged();
    }

    /// <summary>Records the outcome; returns when to try next.</summary>
    private TimeSpan Completed(SipResponse response)
    {
        LastStatusCode = response.StatusCode;
        if (!response.IsSuccess)
        {
            LogRefused(_logger, _options.AddressOfRecord, response.StatusCode, _options.Destination);
            State = SipRegistrationState.Failed;
            ExpiresAt = null;
            return long.TryParse(response.Headers.Get(SipHeaderNames.RetryAfter)?.Split(';')[0].Trim(), CultureInfo.InvariantCulture, out var retryAfter) && retryAfter > 0
                ? TimeSpan.FromSeconds(retryAfter)
                : _options.RetryInterval;
        }
        var granted = TimeSpan.FromSeconds(GrantedSeconds(response));
        State = SipRegistrationState.Registered;
        ExpiresAt = _time.GetUtcNow() + granted;
        LogRegistered(_logger, _options.AddressOfRecord, (long)granted.TotalSeconds);
        var margin = _options.RefreshMargin < granted / 2 ? _options.RefreshMargin : granted / 2;
        return granted - margin;
    }

    /// <summary>§10.2.4: the expiry the registrar granted our contact (its <c>expires</c> in the 200), else the
    /// response's Expires, else what we asked for.</summary>
    private long GrantedSeconds(SipResponse response)
    {
        var ours = _agent.ContactFor(_options.Destination.Transport).Uri;
        foreach (var contact in response.Contacts ?? [])
        {
            if (contact.Uri.IsEquivalentTo(ours) && contact.Expires is { } expires)
            {
                return expires;
            }
        }
        return response.Expires ?? _expires;
    }

    private async Task<SipResponse> SendAsync(long expires)
    {
        var request = _agent.CreateRequest(SipMethods.Register, _options.Registrar);
        request.Headers.Set(SipHeaderNames.To, new NameAddress(_options.AddressOfRecord).ToString());
        request.Headers.Set(SipHeaderNames.From, new NameAddress(_options.AddressOfRecord).WithTag(_fromTag).ToString());
        request.Headers.Set(SipHeaderNames.CallId, _callId);
        request.Headers.Set(SipHeaderNames.CSeq, new CSeqHeader(Interlocked.Increment(ref _cseq), SipMethods.Register).ToString());
        request.Headers.Add(SipHeaderNames.Contact, _agent.ContactFor(_options.Destination.Transport).ToString());
        request.Headers.Add(SipHeaderNames.Expires, expires.ToString(CultureInfo.InvariantCulture));
        var response = await _agent.SendRequestAsync(request, _options.Destination, _credentials, preemptive: true).ConfigureAwait(false);
        // Authentication retries used higher CSeq numbers; the next request must go above them (§10.2.4).
        if (response.CSeq is { } cseq)
        {
            InterlockedMax(ref _cseq, cseq.Number);
        }
        return response;
    }

    private void RaiseStateChanged()
    {
        try
        {
            StateChanged?.Invoke(this);
        }
        catch (Exception exception)
        {
            LogAttemptFailed(_logger, _options.AddressOfRecord, exception);
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    [LoggerMessage(5036, LogLevel.Information, "SIP registration: {AddressOfRecord} registered for {Seconds} s")]
    private static partial void LogRegistered(ILogger logger, SipUri addressOfRecord, long seconds);

    [LoggerMessage(5037, LogLevel.Warning, "SIP registration: {AddressOfRecord} refused with {StatusCode} by {Destination}; retrying later")]
    private static partial void LogRefused(ILogger logger, SipUri addressOfRecord, int statusCode, Transactions.SipEndPoint destination);

    [LoggerMessage(5038, LogLevel.Error, "SIP registration: an attempt for {AddressOfRecord} failed")]
    private static partial void LogAttemptFailed(ILogger logger, SipUri addressOfRecord, Exception exception);
}
