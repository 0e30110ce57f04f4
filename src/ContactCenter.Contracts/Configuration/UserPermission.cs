namespace ContactCenter.Contracts.Configuration;

/// <summary>Extra rights granted to a user account on top of its roles (ADM-1); stored and sent by name.</summary>
public enum UserPermission
{
    /// <summary>May play back call recordings in the browser.</summary>
    ListenToRecordings,

    /// <summary>May download recording files.</summary>
    DownloadRecordings,

    /// <summary>May create, reschedule and cancel callbacks of others.</summary>
    ManageCallbacks,
}
