namespace ContactCenter.Contracts.Ivr;

/// <summary>Attaches a key/value pair to the call (the campaign or problem chosen, ROUTE-10); it is an event of the call
/// and shown to the agent. Setting a key again replaces its value.</summary>
public sealed record IvrSetAttributeNode : IvrNode
{
    /// <summary>Attribute name (1-64 letters, digits, '-', '_' or '.').</summary>
    public required string Key { get; init; }

    /// <summary>Attribute value, at most 1,000 characters.</summary>
    public required string Value { get; init; }

    /// <summary>Node after the attribute is set.</summary>
    public required string Next { get; init; }
}
