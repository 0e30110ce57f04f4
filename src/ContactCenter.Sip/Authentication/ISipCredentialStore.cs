namespace ContactCenter.Sip.Authentication;

/// <summary>Where digest authentication looks up users' secrets (in memory for tests and the demo; the agent profiles
/// of the directory in production). Implementations are thread-safe and never log secrets.</summary>
public interface ISipCredentialStore
{
    /// <summary>The credential of <paramref name="username"/> in <paramref name="realm"/>; null when unknown.</summary>
    ValueTask<SipCredential?> FindAsync(string realm, string username, CancellationToken cancellationToken = default);
}
