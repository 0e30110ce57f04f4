using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Grains.Ivr;

/// <summary>An external lookup (IVR-8) with its templates filled in.</summary>
/// <param name="Method">GET or POST.</param>
/// <param name="Url">The absolute URL.</param>
/// <param name="Body">The JSON body of a POST; null for GET.</param>
/// <param name="Timeout">Longest wait for the answer.</param>
public sealed record IvrLookupRequest(IvrHttpMethod Method, string Url, string? Body, TimeSpan Timeout);
