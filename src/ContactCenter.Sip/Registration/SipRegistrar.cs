using System.Globalization;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Registration;

/// <summary>A registrar (RFC 3261 §10.3) that the UA core hands every REGISTER: digest authentication when an
/// <see cref="SipDigestAuthenticator"/> is given, the address-of-record from To, contact expiries within the
/// configured bounds (423 with Min-Expires below the minimum), <c>Contact: *</c> removal, the Call-ID/CSeq ordering
/// rule, and a 200 OK listing every current binding with its remaining expiry. Bindings live in an
/// <see cref="ISipBindingStore"/> and lapse on the injected clock. Thread-safe.</summary>
public sealed partial class SipRegistrar : IDisposable
{
    // Concurrent REGISTERs for one address-of-record retry their compare-and-swap on a fresh read; this many losses
    // in a row means something is wrong with the store.
    private const int MaxWriteAttempts = 8;

    private readonly TimeProvider _time;
    private readonly SipRegistrarOptions _options;
    private readonly SipDigestAuthenticator? _authenticator;
    private readonly ILogger _logger;
    private readonly ITimer _sweep;

    /// <summary>Creates the registrar; without <paramref name="authenticator"/> every REGISTER is accepted unauthenticated.</summary>
    public SipRegistrar(ISipBindingStore bindings, TimeProvider time, ILogger<SipRegistrar> logger, SipRegistrarOptions? options = null, SipDigestAuthenticator? authenticator = null)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        _options = options ?? new SipRegistrarOptions();
        _options.Validate();
        Bindings = bindings;
        _time = time;
        _logger = logger;
        _authenticator = authenticator;
        _sweep = time.CreateTimer(static state => ((SipRegistrar)state!).Sweep(), this, _options.SweepInterval, _options.SweepInterval);
    }

    /// <summary>The binding store (for lookups by the application).</summary>
    public ISipBindingStore Bindings { get; }

    /// <summary>The canonical address-of-record of a To URI (§10.3 step 5): scheme, unescaped user, lower-case host
    /// and port; every parameter removed.</summary>
    public static string CanonicalAddressOfRecord(SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return new SipUri(uri.Scheme, uri.User, uri.Host.ToLowerInvariant(), uri.Port).ToString();
    }

    /// <summary>Handles a REGISTER server transaction; the response may be sent later, from another thread.</summary>
    public void Receive(SipServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        _ = RespondAsync(transaction);
    }

    /// <summary>The response to a REGISTER from <paramref name="source"/>, with the bindings updated.</summary>
    public async Task<SipResponse> HandleAsync(SipRequest request, SipEndPoint source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? user = null;
        if (_authenticator is not null)
        {
            var result = await _authenticator.AuthenticateAsync(request, source, cancellationToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case SipAuthenticationOutcome.Challenge:
                    return _authenticator.CreateChallenge(request, result.Stale);
                case SipAuthenticationOutcome.Forbidden:
                    return SipResponseFactory.CreateResponse(request, 403);
                case SipAuthenticationOutcome.BadRequest:
                    return SipResponseFactory.CreateResponse(request, 400, result.Reason);
                default:
                    user = result.Username;
                    break;
            }
        }
        if (request.To?.Uri is not { Scheme: SipUriScheme.Sip or SipUriScheme.Sips, User: not null } to)
        {
            return SipResponseFactory.CreateResponse(request, 404);
        }
        var aor = CanonicalAddressOfRecord(to);
        // §10.3 step 6: an authenticated user may only change its own bindings.
        if (user is not null && !string.Equals(user, to.User, StringComparison.Ordinal))
        {
            LogForeignAor(_logger, user, aor, source);
            return SipResponseFactory.CreateResponse(request, 403);
        }
        if (request.CallId is not { } callId || request.CSeq is not { } cseq || request.Contacts is not { } contacts)
        {
            return SipResponseFactory.CreateResponse(request, 400, "Invalid Contact");
        }
        var now = _time.GetUtcNow();
        if (contacts.Count == 0 && !request.IsContactWildcard)
        {
            return Ok(request, (await Bindings.GetAsync(aor, now, cancellationToken).ConfigureAwait(false)).Bindings, now);
        }
        if (ReadChange(request, aor, callId, cseq.Number, contacts, source) is not { } change)
        {
            return request.IsContactWildcard
                ? SipResponseFactory.CreateResponse(request, 400, "Invalid Wildcard")
                : TooBrief(request);
        }
        return await ApplyAsync(request, change, now, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => _sweep.Dispose();

    private async Task<SipResponse> ApplyAsync(SipRequest request, SipRegisterRequest change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            var current = await Bindings.GetAsync(change.AddressOfRecord, now, cancellationToken).ConfigureAwait(false);
            if (SipRegistrationRules.Apply(current.Bindings, change, now) is not { } updated)
            {
                // §10.3 step 7 says the request fails without naming a code; like Kamailio we answer 400.
                LogOutOfOrder(_logger, change.AddressOfRecord, change.CallId, change.CSeq);
                return SipResponseFactory.CreateResponse(request, 400, "Invalid CSeq number");
            }
            if (updated.Count > _options.MaxBindingsPerAddressOfRecord && updated.Count > current.Bindings.Count)
            {
                LogTooManyContacts(_logger, change.AddressOfRecord, _options.MaxBindingsPerAddressOfRecord, change.Source);
                return SipResponseFactory.CreateResponse(request, 403, "Too Many Contacts");
            }
            if (await Bindings.TryReplaceAsync(change.AddressOfRecord, current.Version, updated, cancellationToken).ConfigureAwait(false))
            {
                LogRegistered(_logger, change.AddressOfRecord, updated.Count, change.Source);
                return Ok(request, updated, now);
            }
        }
        throw new InvalidOperationException($"the bindings of {change.AddressOfRecord} changed under {MaxWriteAttempts} REGISTERs in a row");
    }

    /// <summary>The request's contacts with their granted expiries; null when one is too brief (423) or the wildcard
    /// form is broken (§10.3 step 6: <c>*</c> alone, with Expires 0).</summary>
    private SipRegisterRequest? ReadChange(SipRequest request, string aor, string callId, long cseq, IReadOnlyList<NameAddress> contacts, SipEndPoint source)
    {
        if (request.IsContactWildcard)
        {
            var single = request.Headers.GetValues(SipHeaderNames.Contact).Count == 1;
            return single && request.Expires == 0 ? new SipRegisterRequest(aor, callId, cseq, true, [], source) : null;
        }
        var min = (long)_options.MinExpires.TotalSeconds;
        var max = (long)_options.MaxExpires.TotalSeconds;
        var granted = new List<(NameAddress, long)>(contacts.Count);
        foreach (var contact in contacts)
        {
            var expires = contact.Expires ?? request.Expires ?? (long)_options.DefaultExpires.TotalSeconds;
            if (expires > 0 && expires < min)
            {
                return null;
            }
            granted.Add((new NameAddress(contact.Uri, contact.DisplayName, contact.Parameters.Without("expires")), Math.Min(expires, max)));
        }
        return new SipRegisterRequest(aor, callId, cseq, false, granted, source);
    }

    private SipResponse TooBrief(SipRequest request)
    {
        var response = SipResponseFactory.CreateResponse(request, 423);
        response.Headers.Add(SipHeaderNames.MinExpires, ((long)_options.MinExpires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static SipResponse Ok(SipRequest request, IReadOnlyList<SipBinding> bindings, DateTimeOffset now)
    {
        var response = SipResponseFactory.CreateResponse(request, 200);
        foreach (var binding in bindings)
        {
            var expires = binding.RemainingSeconds(now).ToString(CultureInfo.InvariantCulture);
            response.Headers.Add(SipHeaderNames.Contact, binding.Contact.WithParameter("expires", expires).ToString());
        }
        // §10.3 step 8 suggests a Date header so simple phones can set their clocks.
        response.Headers.Add("Date", now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture));
        return response;
    }

    private async Task RespondAsync(SipServerTransaction transaction)
    {
        SipResponse response;
        try
        {
            response = await HandleAsync(transaction.Request, transaction.RemoteEndPoint).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogFailed(_logger, transaction.Request.CallId, exception);
            response = SipResponseFactory.CreateResponse(transaction.Request, 500);
        }
        transaction.SendResponse(response);
    }

    private void Sweep() => _ = SweepAsync();

    private async Task SweepAsync()
    {
        try
        {
            _authenticator?.SweepNonces();
            var removed = await Bindings.RemoveExpiredAsync(_time.GetUtcNow()).ConfigureAwait(false);
            if (removed > 0)
            {
                LogExpired(_logger, removed);
            }
        }
        catch (Exception exception)
        {
            LogSweepFailed(_logger, exception);
        }
    }

    [LoggerMessage(5030, LogLevel.Debug, "SIP registrar: {AddressOfRecord} now has {Count} bindings (REGISTER from {Source})")]
    private static partial void LogRegistered(ILogger logger, string addressOfRecord, int count, SipEndPoint source);

    [LoggerMessage(5031, LogLevel.Information, "SIP registrar: REGISTER for {AddressOfRecord} out of order (Call-ID {CallId}, CSeq {CSeq}); refused with 400")]
    private static partial void LogOutOfOrder(ILogger logger, string addressOfRecord, string callId, long cSeq);

    [LoggerMessage(5032, LogLevel.Warning, "SIP registrar: user {Username} from {Source} may not register {AddressOfRecord}; refused with 403")]
    private static partial void LogForeignAor(ILogger logger, string username, string addressOfRecord, SipEndPoint source);

    [LoggerMessage(5033, LogLevel.Error, "SIP registrar: REGISTER {CallId} failed; answered 500")]
    private static partial void LogFailed(ILogger logger, string? callId, Exception exception);

    [LoggerMessage(5039, LogLevel.Warning, "SIP registrar: REGISTER for {AddressOfRecord} from {Source} would exceed {Limit} contacts; refused with 403")]
    private static partial void LogTooManyContacts(ILogger logger, string addressOfRecord, int limit, SipEndPoint source);

    [LoggerMessage(5034, LogLevel.Debug, "SIP registrar: {Count} expired bindings removed")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(5035, LogLevel.Error, "SIP registrar: sweeping expired bindings failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
