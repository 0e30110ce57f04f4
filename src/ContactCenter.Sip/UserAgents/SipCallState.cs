namespace ContactCenter.Sip.UserAgents;

/// <summary>Where a call stands.</summary>
public enum SipCallState
{
    /// <summary>The INVITE is pending: no final response yet.</summary>
    Pending,

    /// <summary>A 2xx was sent or received; the dialog is confirmed.</summary>
    Established,

    /// <summary>The call is over.</summary>
    Terminated,
}
