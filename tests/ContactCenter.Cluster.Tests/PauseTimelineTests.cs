using ContactCenter.Drills;

namespace ContactCenter.Cluster.Tests;

/// <summary>How the drills read, from a silo's output, when a generation dropped by the cluster stopped running grains.</summary>
public sealed class PauseTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    private static (DateTimeOffset, string) At(int seconds, string line) => (T0.AddSeconds(seconds), line);

    [Fact]
    public void A_generation_dropped_after_a_fence_ended_at_its_last_fence_and_one_never_fenced_at_the_drop()
    {
        var ends = new Dictionary<string, DateTimeOffset>();

        PauseTimeline.AddEnds(
            [
                At(1, "warn: ContactCenter.Actors[1004] Lease expired (00:00:04.01 since the last renewal was sent): pausing all activations of A@1"),
                At(2, "info: ContactCenter.Actors[1005] Lease renewed after a gap: resuming activations of A@1"),
                At(5, "warn: ContactCenter.Actors[1004] Lease expired (00:00:04.02 since the last renewal was sent): pausing all activations of A@1"),
                At(9, "fail: ContactCenter.Actors[1006] The cluster declared this process (A@1) dead: dropping 3 activations"),
                At(10, "warn: ContactCenter.Actors[1009] Rejoined the cluster as A@2"),
                At(20, "fail: ContactCenter.Actors[1006] The cluster declared this process (A@2) dead: dropping 1 activations"),
            ],
            ends);

        Assert.Equal(T0.AddSeconds(5), ends["A@1"]);
        Assert.Equal(T0.AddSeconds(20), ends["A@2"]);
        Assert.Equal(2, ends.Count);
    }

    [Fact]
    public void A_generation_that_resumed_and_was_never_dropped_has_no_end()
    {
        var ends = new Dictionary<string, DateTimeOffset> { ["B@1"] = T0 };

        PauseTimeline.AddEnds(
            [
                At(1, "warn: ContactCenter.Actors[1004] Lease expired (00:00:04.01 since the last renewal was sent): pausing all activations of A@1"),
                At(2, "info: ContactCenter.Actors[1005] Lease renewed after a gap: resuming activations of A@1"),
            ],
            ends);

        Assert.Equal([new KeyValuePair<string, DateTimeOffset>("B@1", T0)], ends);
    }
}
