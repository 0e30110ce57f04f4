using System.Collections.Immutable;
using ContactCenter.Contracts.Contacts;

namespace ContactCenter.Contracts.Ivr;

/// <summary>One rule of an <see cref="IvrCallerNode"/>: it matches when the caller's number (in the normal form of
/// <see cref="PhoneNumber"/>) equals one of <see cref="Numbers"/>, or starts with one of <see cref="Prefixes"/>, or the
/// caller's directory contact has <see cref="Status"/>. At least one criterion is set.</summary>
public sealed record IvrCallerRule
{
    /// <summary>Exact caller numbers, in normal form (an optional '+' and 3-20 digits).</summary>
    public ImmutableArray<string> Numbers { get; init; } = [];

    /// <summary>Number prefixes (an optional '+' and 1-20 digits), e.g. <c>+4822</c>.</summary>
    public ImmutableArray<string> Prefixes { get; init; } = [];

    /// <summary>Contact status to match (e.g. <see cref="ContactStatus.Vip"/>); a caller found in the directory
    /// matches when any of its contacts has it. Null = no status criterion.</summary>
    public ContactStatus? Status { get; init; }

    /// <summary>Node for a matching caller.</summary>
    public required string Next { get; init; }
}
