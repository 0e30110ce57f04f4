using System.Collections.Immutable;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Reporting;

namespace ContactCenter.Storage.Tests.Reporting;

/// <summary>Interaction facts for the store contract, at whole-millisecond times (PostgreSQL keeps microseconds, .NET
/// ticks are 100 ns), and their comparison member by member (records holding immutable collections do not compare by
/// value).</summary>
internal static class SampleFacts
{
    /// <summary>A start of day away from UTC, so times are stored with an offset PostgreSQL does not keep.</summary>
    public static readonly DateTimeOffset Day = new(2025, 3, 14, 8, 0, 0, TimeSpan.FromHours(1));

    public static DateTimeOffset At(int minute, int millisecond = 0) => Day.AddMinutes(minute).AddMilliseconds(millisecond);

    /// <summary>A fact with only its keys set.</summary>
    public static InteractionFact Fact(string id, DateTimeOffset startedAt, string? queueId = null, string? agentId = null) =>
        new() { Id = id, StartedAt = startedAt, QueueId = queueId, AgentId = agentId };

    /// <summary>A finished, answered call with every member set (and a different offset on some times).</summary>
    public static InteractionFact Full(string id, DateTimeOffset startedAt) => new()
    {
        Id = id,
        Version = 17,
        Direction = CallDirection.Inbound,
        From = "+48221234567",
        To = "800",
        StartedAt = startedAt,
        IvrTreeId = "main",
        IvrEnteredAt = startedAt.AddMilliseconds(250),
        FirstQueueId = "sales",
        QueueId = "support",
        QueuedAt = startedAt.AddSeconds(20),
        LastQueuedAt = startedAt.AddSeconds(50),
        Rings = 3,
        MissedBy = ["agent-1", "agent-2"],
        LastRingAt = startedAt.AddSeconds(70).ToOffset(TimeSpan.FromHours(-5)),
        AgentId = "agent-3",
        Agents = ["agent-3", "agent-4"],
        AnsweredAt = startedAt.AddSeconds(75),
        RingToAnswer = TimeSpan.FromMilliseconds(4_321),
        Holds = 2,
        HoldTime = TimeSpan.FromSeconds(95.5),
        HeldSince = null,
        ConversationEndedAt = startedAt.AddMinutes(9),
        EndedBy = CallParty.Customer,
        EndedAt = startedAt.AddMinutes(10),
        EndReason = CallEndReason.Completed,
        AbandonPhase = null,
        LeftQueueTo = new RoutingTarget(RoutingTargetKind.ExternalNumber, "+48800100200"),
        LeftQueueReason = "overflow",
        LeftQueueAt = startedAt.AddSeconds(40),
        Transfers = [new InteractionTransfer(startedAt.AddMinutes(5), "agent-3", new RoutingTarget(RoutingTargetKind.Agent, "agent-4"), Attended: true, Completed: true)],
        Consults = 1,
        Conferenced = true,
        ListenIns = [new InteractionListenIn(startedAt.AddMinutes(4), "supervisor-1", ListenInMode.Whisper)],
        CategoryId = "complaint",
        Notes =
        [
            new CallNote(startedAt.AddMinutes(3), "agent-3", "Wants a refund"),
            new CallNote(startedAt.AddMinutes(8), "agent-3", "Zażółć gęślą jaźń \"quoted\" \n line"),
        ],
        Attributes = ImmutableDictionary<string, string>.Empty
            .Add("ivr.choice", "2")
            .Add("Campaign", "spring")
            .Add("caller identity", "Anna Nowak"),
    };

    /// <summary>An abandoned call: the other values of the enums and nullable members.</summary>
    public static InteractionFact Abandoned(string id, DateTimeOffset startedAt) => new()
    {
        Id = id,
        Version = 4,
        Direction = CallDirection.Outbound,
        StartedAt = startedAt,
        QueueId = "sales",
        QueuedAt = startedAt.AddSeconds(5),
        Rings = 1,
        MissedBy = ["agent-9"],
        LastRingAt = startedAt.AddSeconds(10),
        HeldSince = startedAt.AddSeconds(11),
        EndedBy = CallParty.System,
        EndedAt = startedAt.AddSeconds(30),
        EndReason = CallEndReason.Abandoned,
        AbandonPhase = AbandonPhase.RingingAtAgent,
        LeftQueueTo = new RoutingTarget(RoutingTargetKind.Queue, "overflow"),
    };

    public static void Equal(InteractionFact expected, InteractionFact? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Scalars(expected), Scalars(actual));
        Assert.Equal(expected.StartedAt.Offset, actual.StartedAt.Offset);
        Assert.Equal(expected.MissedBy.AsEnumerable(), actual.MissedBy.AsEnumerable());
        Assert.Equal(expected.Agents.AsEnumerable(), actual.Agents.AsEnumerable());
        Assert.Equal(expected.Transfers.AsEnumerable(), actual.Transfers.AsEnumerable());
        Assert.Equal(expected.ListenIns.AsEnumerable(), actual.ListenIns.AsEnumerable());
        Assert.Equal(expected.Notes.AsEnumerable(), actual.Notes.AsEnumerable());
        Assert.Equal(expected.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal),
            actual.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal));
    }

    public static void Equal(IEnumerable<InteractionFact> expected, IEnumerable<InteractionFact> actual)
    {
        var (left, right) = (expected.ToList(), actual.ToList());
        Assert.Equal(Ids(left), Ids(right));
        foreach (var (e, a) in left.Zip(right))
        {
            Equal(e, a);
        }
    }

    public static string[] Ids(IEnumerable<InteractionFact> facts) => [.. facts.Select(f => f.Id)];

    // Every other member compares by value in the record's equality.
    private static InteractionFact Scalars(InteractionFact fact) =>
        fact with { MissedBy = [], Agents = [], Transfers = [], ListenIns = [], Notes = [], Attributes = ImmutableDictionary<string, string>.Empty };
}
