namespace ContactCenter.Sip.Registration;

/// <summary>Where an outbound registration (<see cref="SipRegistrationClient"/>) stands.</summary>
public enum SipRegistrationState
{
    /// <summary>Not started, or stopped (un-registered).</summary>
    Unregistered,

    /// <summary>The first REGISTER is under way.</summary>
    Registering,

    /// <summary>The registrar accepted us; a refresh is scheduled before expiry.</summary>
    Registered,

    /// <summary>The last attempt failed (wrong credentials, timeout, error response); another is scheduled.</summary>
    Failed,
}
