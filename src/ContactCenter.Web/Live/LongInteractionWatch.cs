using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.LiveViews;

namespace ContactCenter.Web.Live;

/// <summary>Finds conversations that have gone on longer than the site allows (SUP-2). Fed every agent status the web
/// node sees; asked now and then which conversations have just passed the limit. Each conversation is reported once
/// while the agent stays in it, and forgotten when it ends, so every web node reaches the same alerts from the same
/// statuses.</summary>
public sealed class LongInteractionWatch
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AgentStatus> _agents = new(StringComparer.Ordinal);
    private readonly HashSet<Conversation> _reported = [];

    /// <summary>Takes an agent's status unless an equal or newer one of the same agent is already held.</summary>
    public void Observe(AgentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_lock)
        {
            if (!_agents.TryGetValue(status.AgentId, out var held) || held.Version < status.Version)
            {
                _agents[status.AgentId] = status;
            }
        }
    }

    /// <summary>The conversations that have lasted at least <paramref name="limit"/> at <paramref name="now"/> and were
    /// not reported before; none when <paramref name="limit"/> is null (alerts are off).</summary>
    public IReadOnlyList<SupervisorAlert> Check(DateTimeOffset now, TimeSpan? limit)
    {
        var due = new List<SupervisorAlert>();
        lock (_lock)
        {
            var ongoing = new HashSet<Conversation>();
            foreach (var status in _agents.Values)
            {
                foreach (var work in status.Work)
                {
                    if (work.Activity is not (AgentActivity.Busy or AgentActivity.Chatting))
                    {
                        continue;
                    }
                    var conversation = new Conversation(status.AgentId, work.WorkId, work.Since);
                    ongoing.Add(conversation);
                    if (limit is { } after && now - work.Since >= after && _reported.Add(conversation))
                    {
                        due.Add(new SupervisorAlert(SupervisorAlertKind.LongInteraction, status.AgentId, now,
                            $"{status.Name ?? status.AgentId} has been in {work.WorkId} for {Minutes(now - work.Since)} (alert after {Minutes(after)})",
                            work.WorkId));
                    }
                }
            }
            _reported.IntersectWith(ongoing);
        }
        return due;
    }

    private static string Minutes(TimeSpan span) => span.TotalMinutes < 1 ? $"{(int)span.TotalSeconds} s" : $"{(int)span.TotalMinutes} min";

    private readonly record struct Conversation(string AgentId, string WorkId, DateTimeOffset Since);
}
