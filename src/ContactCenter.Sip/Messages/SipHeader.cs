namespace ContactCenter.Sip.Messages;

/// <summary>One header line: its canonical name and its value as received (folding replaced by a space, surrounding
/// whitespace trimmed).</summary>
/// <param name="Name">The canonical name (<see cref="SipHeaderNames"/>), or the name as received for unknown headers.</param>
/// <param name="Value">The value.</param>
public readonly record struct SipHeader(string Name, string Value);
