namespace ContactCenter.Storage.Registrations;

/// <summary>The transport address a REGISTER came from.</summary>
/// <param name="Transport">The transport, lower case (<c>udp</c>, <c>tcp</c>, <c>tls</c>).</param>
/// <param name="Host">The host: an IP literal, IPv6 in brackets.</param>
/// <param name="Port">The port.</param>
public sealed record PhoneBindingSource(string Transport, string Host, int Port);
