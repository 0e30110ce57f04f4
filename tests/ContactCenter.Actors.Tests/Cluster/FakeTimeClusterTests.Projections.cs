using ContactCenter.Actors.Tests.Grains;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Cluster;

public sealed partial class FakeTimeClusterTests
{
    [Fact]
    public async Task A_journal_projection_follows_the_journal_by_itself_resumes_from_its_stored_position_and_is_not_collected()
    {
        var time = new FakeTimeProvider();
        await using var cluster = await StartClusterAsync(time);
        var projectionKey = NewKey("totals");
        var projection = cluster.Client.GetGrain<IDepositTotalsProjection>(projectionKey);
        var (a, b) = (cluster.Client.GetGrain<IAccountGrain>(NewKey("acct-a")), cluster.Client.GetGrain<IAccountGrain>(NewKey("acct-b")));
        for (var i = 1; i <= 4; i++)
        {
            await a.Deposit(i);
            await b.Deposit(10 * i);
        }

        // Pages of 3 records: catching up reads them all, whatever else the journal holds.
        var position = await projection.CatchUpAsync();
        Assert.Equal((10, 100), Totals(projectionKey, a, b));
        Assert.Equal(position, DepositTotalsProjection.Store[projectionKey].Position);

        // Left alone, it polls: new deposits show up after a poll interval.
        await a.Deposit(5);
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => Totals(projectionKey, a, b) == (15, 100), TimeSpan.FromSeconds(10), "the projection polled the journal");

        // A new activation resumes from the stored position: nothing is counted twice.
        var id = new GrainId(typeof(IDepositTotalsProjection).FullName!, projectionKey);
        await projection.Deactivate();
        await Eventually.TrueAsync(() => cluster.HostOf(id) is null, TimeSpan.FromSeconds(10), "the projection deactivated");
        await b.Deposit(1);
        await projection.CatchUpAsync();
        Assert.Equal((15, 101), Totals(projectionKey, a, b));

        // Idle collection leaves it alone: its timer ticks do not count as use, its reminder's ticks do.
        Assert.Equal(2, DepositTotalsProjection.Activations[projectionKey]);
        for (var minute = 0; minute < 20; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await a.Balance();
        }
        await a.Deposit(1);
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => Totals(projectionKey, a, b) == (16, 101), TimeSpan.FromSeconds(10), "the projection still polls after 20 minutes");
        Assert.Equal(2, DepositTotalsProjection.Activations[projectionKey]);
    }

    private static (int A, int B) Totals(string projectionKey, IAccountGrain a, IAccountGrain b)
    {
        var totals = DepositTotalsProjection.Store[projectionKey].Totals;
        return (totals.GetValueOrDefault(a.GetPrimaryKeyString()), totals.GetValueOrDefault(b.GetPrimaryKeyString()));
    }
}
