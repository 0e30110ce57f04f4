namespace ContactCenter.Contracts.Ivr;

/// <summary>One branch of an <see cref="IvrHttpLookupNode"/>.</summary>
/// <param name="Value">The answer value, compared as text (a JSON string's content, or a number, <c>true</c>,
/// <c>false</c> or <c>null</c> as written in JSON), ordinal and case-sensitive.</param>
/// <param name="Next">Node for that value.</param>
public sealed record IvrLookupBranch(string Value, string Next);
