using System.Diagnostics.CodeAnalysis;
using System.Text;
using ContactCenter.Sip.Dialogs;

namespace ContactCenter.Sip.Messages;

/// <summary>The Replaces header (RFC 3891 §6.1): <c>call-id;to-tag=…;from-tag=…[;early-only]</c>, naming a dialog
/// from the point of view of the UA that receives it — to-tag is that UA's own tag, from-tag its peer's.</summary>
/// <param name="CallId">The dialog's Call-ID.</param>
/// <param name="ToTag">The tag of the UA that receives the Replaces.</param>
/// <param name="FromTag">The tag of its peer in the dialog.</param>
/// <param name="EarlyOnly">Replace only an early dialog (<c>early-only</c>).</param>
public sealed record SipReplaces(string CallId, string ToTag, string FromTag, bool EarlyOnly = false)
{
    /// <summary>For attended transfer: the Replaces that names our dialog <paramref name="id"/> to our peer in it
    /// (its tag, our remote tag, is the to-tag).</summary>
    public static SipReplaces ForPeerOf(SipDialogId id) => new(id.CallId, id.RemoteTag, id.LocalTag);

    /// <summary>The dialog this names, as the receiving UA keys it (local tag = to-tag).</summary>
    public SipDialogId DialogId => new(CallId, ToTag, FromTag);

    /// <summary>Parses a header value; false when the Call-ID or either tag is missing.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipReplaces? replaces)
    {
        replaces = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var parts = value.Split(';');
        var callId = parts[0].Trim();
        string? toTag = null;
        string? fromTag = null;
        var earlyOnly = false;
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? part : part[..equals]).Trim();
            var parameter = equals < 0 ? null : part[(equals + 1)..].Trim();
            if (name.Equals("to-tag", StringComparison.OrdinalIgnoreCase))
            {
                toTag = parameter;
            }
            else if (name.Equals("from-tag", StringComparison.OrdinalIgnoreCase))
            {
                fromTag = parameter;
            }
            else if (name.Equals("early-only", StringComparison.OrdinalIgnoreCase))
            {
                earlyOnly = true;
            }
        }
        if (callId.Length == 0 || string.IsNullOrEmpty(toTag) || string.IsNullOrEmpty(fromTag))
        {
            return false;
        }
        replaces = new SipReplaces(callId, toTag, fromTag, earlyOnly);
        return true;
    }

    /// <summary>The Replaces carried in a URI's headers part (a Refer-To target); null when absent or malformed.</summary>
    public static SipReplaces? FromUri(SipUri uri) =>
        TryParse(SipUriHeaders.Get(uri, SipHeaderNames.Replaces), out var replaces) ? replaces : null;

    /// <summary><paramref name="target"/> with this Replaces as a URI header, escaped (RFC 3891 §3: the Refer-To of
    /// an attended transfer).</summary>
    public SipUri AddTo(SipUri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.WithHeaders(SipUriHeaders.Format(new KeyValuePair<string, string>(SipHeaderNames.Replaces, ToString())));
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder(CallId.Length + ToTag.Length + FromTag.Length + 32);
        builder.Append(CallId).Append(";to-tag=").Append(ToTag).Append(";from-tag=").Append(FromTag);
        if (EarlyOnly)
        {
            builder.Append(";early-only");
        }
        return builder.ToString();
    }
}
