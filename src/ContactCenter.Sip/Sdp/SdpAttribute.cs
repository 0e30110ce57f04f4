namespace ContactCenter.Sip.Sdp;

/// <summary>An <c>a=</c> line: a property attribute (no value) or a value attribute (RFC 4566 §5.13).</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Value">The value after the colon; null for a property attribute.</param>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    /// <inheritdoc/>
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
