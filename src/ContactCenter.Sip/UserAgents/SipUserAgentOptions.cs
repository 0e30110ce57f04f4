namespace ContactCenter.Sip.UserAgents;

/// <summary>Behaviour of <see cref="SipUserAgent"/>.</summary>
public sealed class SipUserAgentOptions
{
    /// <summary>The user part of our From and Contact URIs. Default <c>cc</c>.</summary>
    public string UserName { get; init; } = "cc";

    /// <summary>Incoming calls (INVITE received, not yet ended) allowed at once; further INVITEs get 503 with
    /// <see cref="OverloadRetryAfter"/> (RFC 3261 §21.5.4). Default 1,000.</summary>
    public int MaxConcurrentIncomingCalls { get; init; } = 1_000;

    /// <summary>The Retry-After of the overload 503, in whole seconds. Default 5 s.</summary>
    public TimeSpan OverloadRetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the handler may leave an incoming call without a final response before the core answers 480
    /// Temporarily Unavailable itself (a forgotten call must not hold a call slot for ever). Default 3 minutes.</summary>
    public TimeSpan UnansweredCallTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The body types we accept (the Accept header of OPTIONS answers). Default <c>application/sdp</c>.</summary>
    public string Accept { get; init; } = "application/sdp";

    /// <summary>Fails fast on values that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(UserName) || MaxConcurrentIncomingCalls < 0 || OverloadRetryAfter < TimeSpan.Zero || UnansweredCallTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("SIP user agent options need a user name, MaxConcurrentIncomingCalls >= 0, OverloadRetryAfter >= 0 and UnansweredCallTimeout > 0");
        }
    }
}
