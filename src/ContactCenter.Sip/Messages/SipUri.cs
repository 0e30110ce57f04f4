using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>An immutable SIP, SIPS or tel URI (RFC 3261 §19.1, RFC 3966), or any other absolute URI kept opaque.
/// User and password are held unescaped; parameters and headers are held as written.</summary>
public sealed partial class SipUri
{
    private string? _text;

    /// <summary>Creates a <c>sip:</c>/<c>sips:</c> URI.</summary>
    public SipUri(SipUriScheme scheme, string? user, string host, int? port = null, SipParameters? parameters = null)
    {
        Scheme = scheme;
        User = user;
        Host = host;
        Port = port;
        Parameters = parameters ?? SipParameters.Empty;
    }

    private SipUri(SipUri other)
    {
        Scheme = other.Scheme;
        User = other.User;
        Password = other.Password;
        Host = other.Host;
        Port = other.Port;
        Parameters = other.Parameters;
        Headers = other.Headers;
        Opaque = other.Opaque;
    }

    /// <summary>The scheme.</summary>
    public SipUriScheme Scheme { get; private init; }

    /// <summary>The user part, unescaped; the number of a tel URI; null when absent.</summary>
    public string? User { get; private init; }

    /// <summary>The password, unescaped (its use is NOT RECOMMENDED, §19.1.1); null when absent.</summary>
    public string? Password { get; private init; }

    /// <summary>Host name, IPv4 address or IPv6 reference in brackets; empty for tel and opaque URIs.</summary>
    public string Host { get; private init; } = "";

    /// <summary>The port, or null when the URI has none (the default depends on the transport, §19.1.2).</summary>
    public int? Port { get; private init; }

    /// <summary>URI parameters (<c>transport</c>, <c>lr</c>, <c>maddr</c>, <c>user</c>, …).</summary>
    public SipParameters Parameters { get; private init; } = SipParameters.Empty;

    /// <summary>The URI headers after <c>?</c>, as written (without the <c>?</c>); null when absent.</summary>
    public string? Headers { get; private init; }

    /// <summary>The whole text of a URI whose scheme is <see cref="SipUriScheme.Other"/>.</summary>
    public string? Opaque { get; private init; }

    /// <summary>Whether the host is an IPv6 reference.</summary>
    public bool IsIPv6 => Host.StartsWith('[');

    /// <summary>Whether the <c>lr</c> parameter marks a loose router (RFC 3261 §16.12).</summary>
    public bool IsLooseRouter => Parameters.Contains("lr");

    /// <summary>A copy with another user part.</summary>
    public SipUri WithUser(string? user) => new(this) { User = user };

    /// <summary>A copy with another host and port.</summary>
    public SipUri WithHost(string host, int? port) => new(this) { Host = host, Port = port };

    /// <summary>A copy with a parameter set.</summary>
    public SipUri WithParameter(string name, string? value) => new(this) { Parameters = Parameters.With(name, value) };

    /// <summary>A copy without that parameter.</summary>
    public SipUri WithoutParameter(string name) => new(this) { Parameters = Parameters.Without(name) };

    /// <summary>A copy with <paramref name="headers"/> as its headers part (already escaped, without the '?'; see
    /// <see cref="SipUriHeaders.Format"/>); null or empty removes it.</summary>
    public SipUri WithHeaders(string? headers) => new(this) { Headers = string.IsNullOrEmpty(headers) ? null : headers };

    /// <summary>A copy without URI headers (they never go into a Request-URI, §19.1.5).</summary>
    public SipUri WithoutHeaders() => Headers is null ? this : new(this) { Headers = null };

    /// <summary>Parses a URI or throws <see cref="FormatException"/>; for trusted input (configuration, tests).</summary>
    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri : throw new FormatException($"not a valid SIP URI: '{text}'");

    /// <summary>Parses a URI; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }
        var scheme = text[..colon];
        var rest = text[(colon + 1)..];
        if (scheme.Equals("sip", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseSip(SipUriScheme.Sip, rest, out uri);
        }
        if (scheme.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseSip(SipUriScheme.Sips, rest, out uri);
        }
        if (scheme.Equals("tel", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseTel(rest, out uri);
        }
        return TryParseOther(text, scheme, rest, out uri);
    }

    /// <inheritdoc/>
    public override string ToString() => _text ??= Format();

    /// <summary>Same text (the model identity used by round-trip tests, not the §19.1.4 comparison).</summary>
    public override bool Equals(object? obj) => obj is SipUri other && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Whether <paramref name="host"/> is a host name, IPv4 address or bracketed IPv6 reference.</summary>
    public static bool IsValidHost(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty)
        {
            return false;
        }
        if (host[0] == '[')
        {
            return host.Length > 2 && host[^1] == ']' && IPAddress.TryParse(host[1..^1], out var address)
                && address.AddressFamily == AddressFamily.InterNetworkV6;
        }
        foreach (var c in host)
        {
            // '_' is not in the grammar, but real DNS names carry it and rejecting them helps nobody.
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '.' and not '_')
            {
                return false;
            }
        }
        return true;
    }

    private string Format()
    {
        if (Scheme == SipUriScheme.Other)
        {
            return Opaque!;
        }
        var builder = new StringBuilder(64);
        builder.Append(Scheme switch { SipUriScheme.Sips => "sips:", SipUriScheme.Tel => "tel:", _ => "sip:" });
        if (Scheme == SipUriScheme.Tel)
        {
            builder.Append(User);
        }
        else
        {
            if (User is not null)
            {
                AppendEscaped(builder, User, SipGrammar.User);
                if (Password is not null)
                {
                    builder.Append(':');
                    AppendEscaped(builder, Password, SipGrammar.Password);
                }
                builder.Append('@');
            }
            builder.Append(Host);
            if (Port is { } port)
            {
                builder.Append(':').Append(port);
            }
        }
        Parameters.AppendTo(builder);
        if (Headers is not null)
        {
            builder.Append('?').Append(Headers);
        }
        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, string text, SearchValues<char> allowed)
    {
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (allowed.Contains(c))
            {
                builder.Append(c);
                continue;
            }
            var length = char.IsHighSurrogate(c) && i + 1 < text.Length
                ? Encoding.UTF8.GetBytes(text.AsSpan(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(text.AsSpan(i, 1), bytes);
            for (var j = 0; j < length; j++)
            {
                builder.Append('%').Append(bytes[j].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
