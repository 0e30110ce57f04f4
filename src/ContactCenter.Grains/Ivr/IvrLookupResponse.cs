namespace ContactCenter.Grains.Ivr;

/// <summary>The external service's answer to a lookup.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body as text.</param>
public sealed record IvrLookupResponse(int StatusCode, string Body);
