namespace ContactCenter.Contracts.Callbacks;

/// <summary>Where a <see cref="CallbackRequest"/> stands.</summary>
public enum CallbackStatus
{
    /// <summary>Stored, not yet called back.</summary>
    Pending,

    /// <summary>An agent called the number back.</summary>
    Completed,

    /// <summary>Withdrawn without a call.</summary>
    Cancelled,
}
