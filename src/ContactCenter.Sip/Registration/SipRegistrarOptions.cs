namespace ContactCenter.Sip.Registration;

/// <summary>Behaviour of <see cref="SipRegistrar"/>.</summary>
public sealed class SipRegistrarOptions
{
    /// <summary>The shortest registration accepted; shorter non-zero ones get 423 Interval Too Brief with this as
    /// Min-Expires (RFC 3261 §10.3 step 7). Default 60 s.</summary>
    public TimeSpan MinExpires { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longer registrations are shortened to this (the 200 OK says so). Default 1 hour.</summary>
    public TimeSpan MaxExpires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The expiry when neither the contact nor the request gives one (§10.2.1.1 leaves it to the registrar).
    /// Default 1 hour.</summary>
    public TimeSpan DefaultExpires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Contacts one address-of-record may have at once; a REGISTER that would exceed it gets 403 (a phone
    /// must not fill the store). Default 10.</summary>
    public int MaxBindingsPerAddressOfRecord { get; init; } = 10;

    /// <summary>How often expired bindings and stale nonce-count windows are swept. Default 60 s.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Fails fast on values that cannot work.</summary>
    public void Validate()
    {
        if (MinExpires < TimeSpan.FromSeconds(1) || MaxExpires < MinExpires || DefaultExpires < MinExpires || DefaultExpires > MaxExpires || SweepInterval <= TimeSpan.Zero || MaxBindingsPerAddressOfRecord < 1)
        {
            throw new ArgumentException("SIP registrar options need 1 s <= MinExpires <= DefaultExpires <= MaxExpires, SweepInterval > 0 and MaxBindingsPerAddressOfRecord >= 1");
        }
    }
}
