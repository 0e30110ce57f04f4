namespace ContactCenter.Storage.Audit;

/// <summary>One entry of the audit log (ADM-4): who attempted which write of which document, when, from where, how it
/// ended, and the document before and after as JSON. Entries are appended, never changed.</summary>
public sealed record AuditEntry
{
    /// <summary>The entry's id: its position in the log, assigned on append (0 before), larger for later appends.</summary>
    public long Sequence { get; init; }

    /// <summary>When the entry was appended, stamped by the log in UTC and whole microseconds (0 before).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The user name of the signed-in user who attempted the write.</summary>
    public required string Actor { get; init; }

    /// <summary>What was attempted, as <c>kind.verb</c>, e.g. <c>queue.update</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The kind of document written, e.g. <c>queue</c> or <c>contact</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The id of the document written.</summary>
    public required string TargetId { get; init; }

    /// <summary>How the write ended.</summary>
    public AuditOutcome Outcome { get; init; }

    /// <summary>The document as stored before the write, as JSON; null when there was none. Values of secret-like
    /// fields (passwords, hashes, secrets, credentials, tokens) are masked by the log.</summary>
    public string? Before { get; init; }

    /// <summary>The document as stored after the write (or, for a refused write, as submitted), as JSON; null after a
    /// delete. Masked as <see cref="Before"/> is.</summary>
    public string? After { get; init; }

    /// <summary>The client's network address, when known.</summary>
    public string? ClientAddress { get; init; }
}
