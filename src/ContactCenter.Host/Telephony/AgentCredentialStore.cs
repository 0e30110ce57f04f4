using ContactCenter.Contracts.Configuration;
using ContactCenter.Sip.Authentication;
using ContactCenter.Storage.Documents;

namespace ContactCenter.Host.Telephony;

/// <summary>Agents' phones authenticate with the SIP account of their agent profile: the profile whose
/// <see cref="AgentProfile.SipUsername"/> is the digest user name, by its stored HA1 hashes (computed for the site's
/// realm, the only realm the front end challenges in). Profiles are read at each REGISTER, so a changed password
/// counts at once.</summary>
internal sealed class AgentCredentialStore(IDocumentStore store, string siteRealm) : ISipCredentialStore
{
    public async ValueTask<SipCredential?> FindAsync(string realm, string username, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(realm, siteRealm, StringComparison.Ordinal))
        {
            return null;
        }
        await foreach (var profile in store.ReadAllAsync<AgentProfile>(cancellationToken))
        {
            if (string.Equals(profile.SipUsername, username, StringComparison.Ordinal))
            {
                return profile.SipPasswordMd5Ha1 is null && profile.SipPasswordSha256Ha1 is null
                    ? null
                    : SipCredential.FromHashes(profile.SipPasswordMd5Ha1, profile.SipPasswordSha256Ha1);
            }
        }
        return null;
    }
}
