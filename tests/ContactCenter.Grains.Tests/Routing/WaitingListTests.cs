using ContactCenter.Contracts.Configuration;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Grains.Tests.Routing;

public sealed class WaitingListTests
{
    private static WaitingList With(params Contracts.Routing.WorkItem[] items) =>
        items.Aggregate(WaitingList.Empty, (list, item) => list.Enqueue(item));

    [Fact]
    public void Priority_first_then_arrival_then_enqueue_order()
    {
        var list = With(Build.Work("late", arrivedSecond: 20), Build.Work("tie-1", arrivedSecond: 10),
            Build.Work("vip", arrivedSecond: 30) with { CallerBoost = 1 }, Build.Work("tie-2", arrivedSecond: 10),
            Build.Work("early", arrivedSecond: 5));

        Assert.Equal(["vip", "early", "tie-1", "tie-2", "late"], list.Items.Select(w => w.Id));
        Assert.Equal([3L, 5, 2, 4, 1], list.Items.Select(w => w.Sequence));
        Assert.Equal(2, list.PositionOf("tie-1"));
        Assert.Equal("vip", list.Head?.Id);
    }

    [Fact]
    public void Queuing_the_same_work_twice_fails_fast()
    {
        var list = With(Build.Work("w1"));

        Assert.Throws<InvalidOperationException>(() => list.Enqueue(Build.Work("w1")));
    }

    [Fact]
    public void Update_keeps_the_place_and_remove_is_idempotent()
    {
        var list = With(Build.Work("w1"), Build.Work("w2", arrivedSecond: 1));

        var updated = list.Update(Build.Work("w1") with { MissedBy = ["a1"] });
        Assert.Equal(["w1", "w2"], updated.Items.Select(w => w.Id));
        Assert.True(updated.TryGet("w1", out var w1));
        Assert.Equal(1, w1.Sequence);
        Assert.Equal(["a1"], w1.MissedBy);

        var removed = updated.Remove("w1").Remove("w1");
        Assert.Equal(["w2"], removed.Items.Select(w => w.Id));
        Assert.Equal(2, list.Count);
    }

    [Fact]
    public void Offered_work_keeps_its_place_but_is_not_handed_out_twice()
    {
        var list = With(Build.Work("w1"), Build.Work("w2", arrivedSecond: 1)).MarkOffered("w1", "a1");

        Assert.Equal("a1", list.OfferedTo("w1"));
        Assert.Equal(["w2"], list.NotOffered().Select(w => w.Id));
        Assert.Equal(["w2"], list.HeadsFor(Build.Agent("a2", "q1"), Build.T0).Select(w => w.Id));

        var withdrawn = list.ClearOffer("w1");
        Assert.Null(withdrawn.OfferedTo("w1"));
        Assert.Equal(["w1"], withdrawn.HeadsFor(Build.Agent("a2", "q1"), Build.T0).Select(w => w.Id));
        Assert.Equal(0, withdrawn.PositionOf("w1"));
    }

    [Fact]
    public void Heads_for_an_agent_skip_work_it_lacks_skills_for_and_work_held_for_others()
    {
        var hold = Build.T0.AddMinutes(1);
        var list = With(
            Build.Work("german", arrivedSecond: 0) with { RequiredSkills = [new SkillRequirement("german", 1)] },
            Build.Work("theirs", arrivedSecond: 1) with { StickyAgentId = "a2", StickyUntil = hold },
            Build.Work("free", arrivedSecond: 2),
            Build.Work("mine", arrivedSecond: 3) with { StickyAgentId = "a1", StickyUntil = hold },
            Build.Work("later", arrivedSecond: 4));

        Assert.Equal(["mine", "free"], list.HeadsFor(Build.Agent("a1", "q1"), Build.T0).Select(w => w.Id));
        Assert.Equal(["theirs"], list.HeadsFor(Build.Agent("a2", "q1"), Build.T0).Select(w => w.Id).Take(1));
        Assert.Equal(["theirs"], list.HeadsFor(Build.Agent("a1", "q1"), hold).Select(w => w.Id));
    }

    [Fact]
    public void Unknown_work_fails_fast()
    {
        Assert.Throws<InvalidOperationException>(() => WaitingList.Empty.MarkOffered("nope", "a1"));
        Assert.Throws<InvalidOperationException>(() => WaitingList.Empty.Update(Build.Work("nope")));
        Assert.Empty(WaitingList.Empty.HeadsFor(Build.Agent("a1", "q1"), Build.T0));
    }
}
