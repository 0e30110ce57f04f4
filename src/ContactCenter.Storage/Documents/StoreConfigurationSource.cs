using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Storage.Documents;

/// <summary>The grains' configuration sources over the <see cref="IDocumentStore"/>: every call reads the current
/// version from the store (registered behind the <see cref="CachingDocumentStore"/>, so from memory once a kind was
/// read), so a committed change applies to the next command without a restart: at once for this process's writes,
/// when the change notification arrives for another process's.</summary>
public sealed class StoreConfigurationSource(IDocumentStore store)
    : IAgentConfigurationSource, IQueueConfigurationSource, ISiteConfigurationSource, IIvrTreeSource
{
    /// <inheritdoc />
    /// <remarks>Without the SIP password hashes: the agent grain journals the profile it applies.</remarks>
    public async Task<AgentProfile?> GetAgentProfileAsync(string agentId, CancellationToken cancellationToken = default) =>
        (await store.GetAsync<AgentProfile>(agentId, cancellationToken).ConfigureAwait(false))?.WithoutSipSecrets();

    /// <inheritdoc />
    public Task<PauseCode?> GetPauseCodeAsync(string pauseCodeId, CancellationToken cancellationToken = default) =>
        store.GetAsync<PauseCode>(pauseCodeId, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The site default is the policy <see cref="SiteSettings.NoAnswerPolicyId"/> of the settings document
    /// <see cref="SiteSettings.SiteId"/>. A profile naming a policy that does not exist gets the default, so a dangling
    /// id never switches the policy off silently for one agent only; a dangling default means no policy.</remarks>
    public async Task<NoAnswerPolicy?> GetNoAnswerPolicyAsync(string agentId, CancellationToken cancellationToken = default)
    {
        var profile = await store.GetAsync<AgentProfile>(agentId, cancellationToken).ConfigureAwait(false);
        if (profile?.NoAnswerPolicyId is { } policyId
            && await store.GetAsync<NoAnswerPolicy>(policyId, cancellationToken).ConfigureAwait(false) is { } policy)
        {
            return policy;
        }
        var site = await store.GetAsync<SiteSettings>(SiteSettings.SiteId, cancellationToken).ConfigureAwait(false);
        return site?.NoAnswerPolicyId is { } defaultId
            ? await store.GetAsync<NoAnswerPolicy>(defaultId, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <inheritdoc />
    public Task<Queue?> GetQueueAsync(string queueId, CancellationToken cancellationToken = default) =>
        store.GetAsync<Queue>(queueId, cancellationToken);

    /// <inheritdoc />
    public async Task<SiteSettings> GetSiteSettingsAsync(CancellationToken cancellationToken = default) =>
        await store.GetAsync<SiteSettings>(SiteSettings.SiteId, cancellationToken).ConfigureAwait(false) ?? new SiteSettings();

    /// <inheritdoc />
    public Task<IvrTree?> GetIvrTreeAsync(string treeId, CancellationToken cancellationToken = default) =>
        store.GetAsync<IvrTree>(treeId, cancellationToken);
}
