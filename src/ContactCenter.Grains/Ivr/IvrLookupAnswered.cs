namespace ContactCenter.Grains.Ivr;

/// <summary>The external service answered the lookup (any status).</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The answer's body.</param>
public sealed record IvrLookupAnswered(int StatusCode, string Body) : IvrInput;
