using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.Web.Live;

namespace ContactCenter.Web.Tests.Live;

/// <summary>The over-long interaction rule (SUP-2): which conversations are reported, once each, against the site's limit.</summary>
public sealed class LongInteractionWatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    private static AgentStatus Agent(string id, long version, params AgentWork[] work) => new()
    {
        AgentId = id,
        Name = $"Agent {id}",
        Displayed = new DisplayedAgentState(work.Length == 0 ? DisplayedState.Available : DisplayedState.Busy),
        Counters = new AgentCounters(),
        Work = [.. work],
        Version = version,
    };

    private static AgentWork Work(string id, AgentActivity activity, DateTimeOffset since, Medium medium = Medium.Voice) =>
        new(id, medium, "sales", activity, since, null, TimeSpan.Zero, TimeSpan.Zero);

    [Fact]
    public void A_conversation_is_reported_once_when_it_reaches_the_limit_and_again_only_as_a_new_conversation()
    {
        var watch = new LongInteractionWatch();
        watch.Observe(Agent("anna", 1, Work("call-1", AgentActivity.Busy, T0)));

        Assert.Empty(watch.Check(T0 + Limit - TimeSpan.FromSeconds(1), Limit));
        var alert = Assert.Single(watch.Check(T0 + Limit, Limit));
        Assert.Equal((SupervisorAlertKind.LongInteraction, "anna", "call-1", T0 + Limit), (alert.Kind, alert.AgentId, alert.InteractionId, alert.At));
        Assert.Equal("Agent anna has been in call-1 for 10 min (alert after 10 min)", alert.Message);
        Assert.Empty(watch.Check(T0 + Limit * 2, Limit));

        // The call ends; her next one is a conversation of its own.
        watch.Observe(Agent("anna", 2));
        Assert.Empty(watch.Check(T0 + Limit * 3, Limit));
        watch.Observe(Agent("anna", 3, Work("call-2", AgentActivity.Busy, T0 + Limit * 3)));
        Assert.Equal("call-2", Assert.Single(watch.Check(T0 + Limit * 4, Limit)).InteractionId);
    }

    [Fact]
    public void Only_conversations_count_and_chats_count_like_calls()
    {
        var watch = new LongInteractionWatch();
        watch.Observe(Agent("anna", 1, Work("call-1", AgentActivity.Ringing, T0)));
        watch.Observe(Agent("bob", 1, Work("call-2", AgentActivity.WrapUp, T0)));
        watch.Observe(Agent("cleo", 1, Work("chat-1", AgentActivity.Chatting, T0, Medium.Chat), Work("chat-2", AgentActivity.Reserved, T0, Medium.Chat)));

        Assert.Equal(["chat-1"], watch.Check(T0 + Limit, Limit).Select(a => a.InteractionId));
    }

    [Fact]
    public void An_older_status_than_the_one_held_changes_nothing_and_no_limit_means_no_alerts()
    {
        var watch = new LongInteractionWatch();
        watch.Observe(Agent("anna", 5));
        watch.Observe(Agent("anna", 4, Work("call-1", AgentActivity.Busy, T0))); // arrived late: she has already hung up
        Assert.Empty(watch.Check(T0 + Limit, Limit));

        watch.Observe(Agent("anna", 6, Work("call-2", AgentActivity.Busy, T0)));
        Assert.Empty(watch.Check(T0 + Limit, limit: null));
        Assert.Single(watch.Check(T0 + Limit, Limit));
    }
}
