using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Registration;

/// <summary>What an outbound registration (a trunk registering at a carrier) needs. The password is never logged.</summary>
public sealed class SipRegistrationClientOptions
{
    /// <summary>The Request-URI of the REGISTER: the registrar's domain (<c>sip:carrier.example</c>). Required.</summary>
    public required SipUri Registrar { get; init; }

    /// <summary>Where REGISTERs are sent (transport, host, port). Required.</summary>
    public required SipEndPoint Destination { get; init; }

    /// <summary>The address-of-record registered (the To and From URI). Required.</summary>
    public required SipUri AddressOfRecord { get; init; }

    /// <summary>The digest user name; defaults to the user part of <see cref="AddressOfRecord"/>.</summary>
    public string? Username { get; init; }

    /// <summary>The digest password. Default empty (registrars that do not challenge).</summary>
    public string Password { get; init; } = "";

    /// <summary>The expiry asked for. Default 1 hour.</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long before expiry the refresh is sent (half the granted time when that is shorter). Default 30 s.</summary>
    public TimeSpan RefreshMargin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after a failed attempt (unless the response has Retry-After). Default 60 s.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Fails fast on values that cannot work.</summary>
    public void Validate()
    {
        if (Registrar is null || Destination is null || AddressOfRecord is null || (Username ?? AddressOfRecord.User) is null
            || Expires < TimeSpan.FromSeconds(1) || RefreshMargin < TimeSpan.Zero || RetryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("an outbound SIP registration needs a registrar, a destination, an address-of-record with a user (or a user name), Expires >= 1 s, RefreshMargin >= 0 and RetryInterval > 0");
        }
    }
}
