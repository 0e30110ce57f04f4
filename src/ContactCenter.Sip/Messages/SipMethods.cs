namespace ContactCenter.Sip.Messages;

/// <summary>Method names (RFC 3261 §7.1 and extensions). Methods are case-sensitive.</summary>
public static class SipMethods
{
    /// <summary>INVITE.</summary>
    public const string Invite = "INVITE";

    /// <summary>ACK.</summary>
    public const string Ack = "ACK";

    /// <summary>BYE.</summary>
    public const string Bye = "BYE";

    /// <summary>CANCEL.</summary>
    public const string Cancel = "CANCEL";

    /// <summary>OPTIONS.</summary>
    public const string Options = "OPTIONS";

    /// <summary>REGISTER.</summary>
    public const string Register = "REGISTER";

    /// <summary>INFO (RFC 6086).</summary>
    public const string Info = "INFO";

    /// <summary>REFER (RFC 3515).</summary>
    public const string Refer = "REFER";

    /// <summary>NOTIFY (RFC 6665).</summary>
    public const string Notify = "NOTIFY";

    /// <summary>SUBSCRIBE (RFC 6665).</summary>
    public const string Subscribe = "SUBSCRIBE";

    /// <summary>UPDATE (RFC 3311).</summary>
    public const string Update = "UPDATE";

    /// <summary>PRACK (RFC 3262).</summary>
    public const string Prack = "PRACK";

    /// <summary>MESSAGE (RFC 3428).</summary>
    public const string Message = "MESSAGE";

    private static readonly string[] Known = [Invite, Ack, Bye, Cancel, Options, Register, Info, Refer, Notify, Subscribe, Update, Prack, Message];

    /// <summary>Whether <paramref name="method"/> is one of the methods above (a method this stack knows, whether or not
    /// a given element implements it: 405 versus 501, RFC 3261 §8.2.1).</summary>
    public static bool IsKnown(string method) => Array.IndexOf(Known, method) >= 0;

    /// <summary>The shared string for a known method (saves an allocation per parsed message), else a new string.</summary>
    public static string Intern(ReadOnlySpan<char> method)
    {
        foreach (var known in Known)
        {
            if (method.SequenceEqual(known))
            {
                return known;
            }
        }
        return method.ToString();
    }

    /// <summary>The shared string for a known method given as ASCII bytes.</summary>
    internal static string Intern(ReadOnlySpan<byte> method)
    {
        foreach (var known in Known)
        {
            if (method.Length == known.Length && System.Text.Ascii.Equals(method, known))
            {
                return known;
            }
        }
        return System.Text.Encoding.ASCII.GetString(method);
    }
}
