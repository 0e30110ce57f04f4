namespace ContactCenter.Grains.Ivr;

/// <summary>Attach a key/value pair to the call (ROUTE-10).</summary>
/// <param name="Key">The attribute.</param>
/// <param name="Value">Its value.</param>
public sealed record IvrSetAttribute(string Key, string Value) : IvrAction;
