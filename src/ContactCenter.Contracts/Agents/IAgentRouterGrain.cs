using ContactCenter.Actors;

namespace ContactCenter.Contracts.Agents;

/// <summary>An agent's side of routing (key: the agent id): it tells the agent's queues when the agent joins or leaves
/// them and, when the agent can take work, runs its pull rounds — ask every queue the agent is in for its heads, choose
/// with the pull rule, claim the chosen work through its queue. It is a grain of its own so that grain calls only ever
/// go one way (router → queue → agent): a queue waits on an agent's arbiter while it pushes, so an agent that waited on
/// a queue could deadlock with it. The agent grain asks for a run without waiting.</summary>
public interface IAgentRouterGrain : IGrainWithStringKey
{
    /// <summary>Asks for a run and returns at once (the agent grain's call after it became ready or changed queues).</summary>
    [OneWay]
    Task RequestRunAsync();

    /// <summary>Brings the queues up to date with the agent's queue log-ins and pulls until the agent cannot take more
    /// work or nothing eligible waits.</summary>
    Task<AgentRouterRun> RunAsync();
}
