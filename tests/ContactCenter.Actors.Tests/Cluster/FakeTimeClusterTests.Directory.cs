using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

public sealed partial class FakeTimeClusterTests
{
    [Fact]
    public async Task A_lookup_that_read_the_directory_before_the_claim_does_not_undo_what_a_moved_answer_taught()
    {
        var time = new FakeTimeProvider();
        var stale = new StaleLookups();
        await using var cluster = await StartClusterAsync(time, o =>
            o.ConfigureSilo = (index, services) =>
            {
                if (index == 1)
                {
                    services.Decorate<IGrainDirectory>(inner => stale.Wrap(inner));
                }
            });
        var (owner, caller) = (cluster.Silos[0], cluster.Silos[1]);
        var key = NewKey("local");
        var grain = new GrainId(typeof(ILocalCounterGrain).FullName!, key);
        Assert.Equal(1, await owner.GrainFactory.GetGrain<ILocalCounterGrain>(key).Increment()); // placed on, and claimed by, the owner

        // The caller's lookups read the directory as it was before the claim. The first one is held back...
        stale.Grain = grain;
        var held = caller.GrainFactory.GetGrain<ILocalCounterGrain>(key).Increment();
        await Eventually.TrueAsync(() => stale.Lookups == 1, TimeSpan.FromSeconds(10), "the first lookup in flight");
        // ...while the second places the grain on the caller, whose claim loses to the owner: "moved" teaches the caller
        // where the grain lives.
        Assert.Equal(2, await caller.GrainFactory.GetGrain<ILocalCounterGrain>(key).Increment());
        Assert.Equal(1, stale.Claims);

        // The held lookup ends with "no owner". Placing again would send its call to the caller, which would claim
        // and lose once more; the owner it learned meanwhile wins.
        stale.Release();
        Assert.Equal(3, await held);
        Assert.Equal(1, stale.Claims);
        Assert.True(owner.Hosts(grain));
        Assert.False(caller.Hosts(grain));
    }

    /// <summary>A directory whose lookups of one grain answer "no owner" (as read before its claim), the first one only
    /// when released; counts the lookups and claims of that grain.</summary>
    private sealed class StaleLookups
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _lookups;
        private int _claims;

        public GrainId? Grain { get; set; }

        public int Lookups => Volatile.Read(ref _lookups);

        public int Claims => Volatile.Read(ref _claims);

        public void Release() => _release.TrySetResult();

        public IGrainDirectory Wrap(IGrainDirectory inner) => new Directory(inner, this);

        private sealed class Directory(IGrainDirectory inner, StaleLookups stale) : IGrainDirectory
        {
            public Task<SiloAddress> RegisterAsync(GrainId grainId, SiloAddress candidate, CancellationToken cancellationToken = default)
            {
                if (grainId == stale.Grain)
                {
                    Interlocked.Increment(ref stale._claims);
                }
                return inner.RegisterAsync(grainId, candidate, cancellationToken);
            }

            public async Task<SiloAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default)
            {
                if (grainId != stale.Grain)
                {
                    return await inner.LookupAsync(grainId, cancellationToken);
                }
                if (Interlocked.Increment(ref stale._lookups) == 1)
                {
                    await stale._release.Task;
                }
                return null;
            }

            public Task UnregisterAsync(GrainId grainId, SiloAddress owner, CancellationToken cancellationToken = default) =>
                inner.UnregisterAsync(grainId, owner, cancellationToken);
        }
    }
}
