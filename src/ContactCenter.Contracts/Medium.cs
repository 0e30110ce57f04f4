namespace ContactCenter.Contracts;

/// <summary>The channel of an interaction. One unified queue may hold work of several media (ROUTE-9); agents carry
/// a capacity per medium.</summary>
public enum Medium
{
    /// <summary>A voice call; an agent's voice capacity is at most 1.</summary>
    Voice,

    /// <summary>A web chat.</summary>
    Chat,

    /// <summary>An e-mail.</summary>
    Email,

    /// <summary>A text message.</summary>
    Sms,

    /// <summary>A social-network conversation (Messenger, WhatsApp, Viber).</summary>
    Social,
}
