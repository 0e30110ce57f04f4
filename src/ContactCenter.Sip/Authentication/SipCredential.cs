namespace ContactCenter.Sip.Authentication;

/// <summary>A user's secret for digest authentication: the password, or precomputed HA1 values
/// (H(username:realm:password), RFC 7616 §3.4.2) per algorithm so the store never holds the password.
/// <see cref="ToString"/> never shows the secret.</summary>
public sealed class SipCredential
{
    private readonly string? _password;
    private readonly string? _md5Ha1;
    private readonly string? _sha256Ha1;

    private SipCredential(string? password, string? md5Ha1, string? sha256Ha1)
    {
        _password = password;
        _md5Ha1 = md5Ha1;
        _sha256Ha1 = sha256Ha1;
    }

    /// <summary>A credential from the plain password (works for every algorithm).</summary>
    public static SipCredential FromPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return new SipCredential(password, null, null);
    }

    /// <summary>A credential from precomputed HA1 values (hex); an algorithm without one cannot be used.</summary>
    public static SipCredential FromHashes(string? md5Ha1, string? sha256Ha1)
    {
        if (md5Ha1 is null && sha256Ha1 is null)
        {
            throw new ArgumentException("a hashed SIP credential needs at least one HA1");
        }
        return new SipCredential(null, md5Ha1?.ToLowerInvariant(), sha256Ha1?.ToLowerInvariant());
    }

    /// <summary>HA1 for an algorithm, user and realm; null when this credential has none for the algorithm.</summary>
    public string? GetHa1(SipDigestAlgorithm algorithm, string username, string realm)
    {
        if (_password is not null)
        {
            return SipDigest.ComputeHa1(algorithm, username, realm, _password);
        }
        return algorithm == SipDigestAlgorithm.Sha256 ? _sha256Ha1 : _md5Ha1;
    }

    /// <summary>Never the secret.</summary>
    public override string ToString() => _password is null ? "SipCredential(HA1, hidden)" : "SipCredential(password, hidden)";
}
