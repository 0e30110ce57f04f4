using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;

namespace ContactCenter.Grains.Tests.Agents;

public sealed class AgentStateRulesTests
{
    private static MediumActivity Slot(string spec)
    {
        var parts = spec.Split(':');
        return new MediumActivity($"i-{spec}", Enum.Parse<Medium>(parts[0]), Enum.Parse<AgentActivity>(parts[1]));
    }

    [Theory]
    [InlineData(Presence.LoggedOut, "Voice:Busy", DisplayedState.LoggedOut)]
    [InlineData(Presence.Available, "", DisplayedState.Available)]
    [InlineData(Presence.Paused, "", DisplayedState.Paused)]
    [InlineData(Presence.Available, "Chat:Chatting Voice:Ringing Voice:Reserved", DisplayedState.Ringing)]
    [InlineData(Presence.Available, "Chat:Chatting Voice:Busy Chat:WrapUp", DisplayedState.Busy)]
    [InlineData(Presence.Available, "Chat:Chatting Chat:WrapUp", DisplayedState.WrapUp)]
    [InlineData(Presence.Available, "Chat:Reserved Chat:Chatting", DisplayedState.Chatting)]
    [InlineData(Presence.Available, "Chat:Busy", DisplayedState.Chatting)]
    [InlineData(Presence.Available, "Voice:Reserved", DisplayedState.Reserved)]
    [InlineData(Presence.Paused, "Voice:WrapUp", DisplayedState.WrapUp)]
    [InlineData(Presence.Paused, "Chat:Chatting", DisplayedState.Chatting)]
    public void The_displayed_state_follows_the_declared_order(Presence presence, string slots, DisplayedState expected)
    {
        var activities = slots.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Slot).ToList();

        var shown = AgentStateRules.Display(presence, presence == Presence.Paused ? "lunch" : null, activities);

        Assert.Equal(expected, shown.State);
        Assert.Equal(expected == DisplayedState.Paused ? "lunch" : null, shown.PauseCodeId);
    }
}
