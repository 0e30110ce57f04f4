using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Web.Apis;

/// <summary>The HA1 values an agent profile keeps instead of the SIP password: H(username:realm:password) (RFC 7616
/// §3.4.2) as lower-case hex, per digest algorithm the front end offers. The same computation as the SIP front end's,
/// kept here so the web role does not depend on the SIP stack.</summary>
internal static class SipPasswordHashes
{
    /// <summary>MD5(username:realm:password), lower-case hex.</summary>
    [SuppressMessage("Security", "CA5351", Justification = "RFC 2617/7616 digest MD5 is required for interoperability with deployed SIP phones.")]
    public static string Md5Ha1(string username, string realm, string password) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{username}:{realm}:{password}")));

    /// <summary>SHA-256(username:realm:password), lower-case hex.</summary>
    public static string Sha256Ha1(string username, string realm, string password) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{username}:{realm}:{password}")));
}
