using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;

namespace ContactCenter.Web.Hubs;

/// <summary>Every configured agent's status: the snapshot of the supervisor's agents grid and of the workspace's
/// transfer panel.</summary>
internal static class AgentStatuses
{
    public static async Task<IReadOnlyList<AgentStatus>> ListAsync(IDocumentStore documents, IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        var profiles = await documents.ReadAllAsync<AgentProfile>(cancellationToken).ToListAsync(cancellationToken);
        return await Task.WhenAll(profiles.Select(async p =>
        {
            // A logged-out agent's grain has not read its profile: the name comes from the profile listed here.
            var status = await grains.GetGrain<IAgentGrain>(p.Id).GetStatusAsync();
            return status with { Name = status.Name ?? p.Name };
        }));
    }
}
