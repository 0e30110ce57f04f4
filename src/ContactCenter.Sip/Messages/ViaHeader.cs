using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>One Via value (RFC 3261 §20.42, §18.2.1): sent-protocol, sent-by and parameters. Immutable.</summary>
public sealed class ViaHeader
{
    /// <summary>The magic cookie that marks an RFC 3261 branch (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    private string? _text;

    /// <summary>Creates a Via value.</summary>
    public ViaHeader(string transport, string host, int? port, SipParameters? parameters = null, string protocol = "SIP/2.0")
    {
        Protocol = protocol;
        Transport = transport;
        Host = host;
        Port = port;
        Parameters = parameters ?? SipParameters.Empty;
    }

    /// <summary>Protocol name and version, normally <c>SIP/2.0</c>.</summary>
    public string Protocol { get; }

    /// <summary>Transport in upper case: UDP, TCP, TLS, SCTP, WS, WSS…</summary>
    public string Transport { get; }

    /// <summary>sent-by host (IPv6 in brackets).</summary>
    public string Host { get; }

    /// <summary>sent-by port; null when absent.</summary>
    public int? Port { get; }

    /// <summary>The parameters.</summary>
    public SipParameters Parameters { get; }

    /// <summary>The branch parameter; null when absent.</summary>
    public string? Branch => Parameters.Get("branch");

    /// <summary>Whether the branch starts with the RFC 3261 magic cookie (otherwise §17.2.3's RFC 2543 matching applies).</summary>
    public bool HasRfc3261Branch => Branch?.StartsWith(MagicCookie, StringComparison.Ordinal) == true;

    /// <summary>The received parameter (§18.2.1); null when absent.</summary>
    public string? Received => Parameters.Get("received");

    /// <summary>Whether an <c>rport</c> parameter is present (RFC 3581), with or without a value.</summary>
    public bool HasRport => Parameters.Contains("rport");

    /// <summary>The value of <c>rport</c> when it has one.</summary>
    public int? Rport => SipGrammar.TryParseNumber(Parameters.Get("rport"), 65535, out var port) ? (int)port : null;

    /// <summary>The sent-by as <c>host[:port]</c>, for transaction matching (§17.2.3).</summary>
    public string SentBy => Port is { } port ? string.Create(CultureInfo.InvariantCulture, $"{Host}:{port}") : Host;

    /// <summary>A copy with a parameter set.</summary>
    public ViaHeader WithParameter(string name, string? value) => new(Transport, Host, Port, Parameters.With(name, value), Protocol);

    /// <summary>Parses a value or throws <see cref="FormatException"/>; for trusted input.</summary>
    public static ViaHeader Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"not a valid Via: '{text}'");

    /// <summary>Parses one Via value; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out ViaHeader? value)
    {
        value = null;
        var reader = new SipValueReader(text);
        reader.SkipWhitespace();
        // sent-protocol = protocol-name SLASH protocol-version SLASH transport, SLASH allowing SWS around it.
        var name = reader.ReadToken();
        reader.SkipWhitespace();
        if (name.IsEmpty || !reader.TryConsume('/'))
        {
            return false;
        }
        reader.SkipWhitespace();
        var version = reader.ReadToken();
        reader.SkipWhitespace();
        if (version.IsEmpty || !reader.TryConsume('/'))
        {
            return false;
        }
        reader.SkipWhitespace();
        var transport = reader.ReadToken();
        var mark = reader.Position;
        reader.SkipWhitespace();
        if (transport.IsEmpty || reader.Position == mark)
        {
            return false;
        }
        var rest = reader.Rest;
        int hostLength;
        if (rest.StartsWith('['))
        {
            hostLength = rest.IndexOf(']') + 1;
        }
        else
        {
            hostLength = 0;
            while (hostLength < rest.Length && (char.IsAsciiLetterOrDigit(rest[hostLength]) || rest[hostLength] is '-' or '.' or '_'))
            {
                hostLength++;
            }
        }
        if (hostLength <= 0 || !SipUri.IsValidHost(rest[..hostLength]))
        {
            return false;
        }
        var host = rest[..hostLength].ToString();
        reader.Position += hostLength;
        int? port = null;
        reader.SkipWhitespace();
        if (reader.TryConsume(':'))
        {
            reader.SkipWhitespace();
            if (!SipGrammar.TryParseNumber(reader.ReadWhile(SipGrammar.Digits), 65535, out var number))
            {
                return false;
            }
            port = (int)number;
        }
        if (!reader.TryReadHeaderParameters(out var parameters))
        {
            return false;
        }
        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            return false;
        }
        var protocol = name.Equals("SIP", StringComparison.OrdinalIgnoreCase) && version.SequenceEqual("2.0")
            ? "SIP/2.0"
            : string.Concat(name, "/", version);
        value = new ViaHeader(transport.ToString().ToUpperInvariant(), host, port, parameters, protocol);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => _text ??= Format();

    private string Format()
    {
        var builder = new StringBuilder(96);
        builder.Append(Protocol).Append('/').Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }
        Parameters.AppendTo(builder);
        return builder.ToString();
    }
}
