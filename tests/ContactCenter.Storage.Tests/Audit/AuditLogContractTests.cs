using ContactCenter.Storage.Audit;
using ContactCenter.TestSupport;

namespace ContactCenter.Storage.Tests.Audit;

/// <summary>The contract of <see cref="IAuditLog"/>, written once and run per log: appends are stamped and numbered by
/// the log, round-trip whole with secrets masked, and queries filter by period, actor, kind and target, newest first
/// in keyset pages. Every test starts from an empty log on a fake clock at whole milliseconds.</summary>
public abstract class AuditLogContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>An empty log stamping times with <paramref name="clock"/> that no other running test touches.</summary>
    protected abstract Task<IAuditLog> CreateAsync(TimeProvider clock);

    private static AuditEntry Entry(string targetId = "sales", string actor = "alice", string kind = "queue",
        AuditOutcome outcome = AuditOutcome.Succeeded, string? before = null, string? after = """{"id":"sales"}""") => new()
    {
        Actor = actor,
        Action = $"{kind}.update",
        Kind = kind,
        TargetId = targetId,
        Outcome = outcome,
        Before = before,
        After = after,
    };

    [Fact]
    public async Task An_empty_log_has_no_entries()
    {
        var log = await CreateAsync(new FakeTimeProvider(Start));

        var page = await log.QueryAsync(new AuditQuery(), Cancel);

        Assert.Empty(page.Items);
        Assert.Null(page.NextBefore);
    }

    [Fact]
    public async Task Appends_get_increasing_sequences_and_the_log_s_time_whatever_they_carried()
    {
        var clock = new FakeTimeProvider(Start);
        var log = await CreateAsync(clock);

        var first = await log.AppendAsync(Entry() with { Sequence = 99, At = Start.AddYears(-5) }, Cancel);
        clock.Advance(TimeSpan.FromSeconds(3));
        var second = await log.AppendAsync(Entry(), Cancel);

        Assert.Equal(Start, first.At);
        Assert.Equal(Start.AddSeconds(3), second.At);
        Assert.True(first.Sequence > 0, $"first sequence {first.Sequence}");
        Assert.True(second.Sequence > first.Sequence, $"sequences {first.Sequence}, {second.Sequence}");
        Assert.Equal([second, first], (await log.QueryAsync(new AuditQuery(), Cancel)).Items);
    }

    [Fact]
    public async Task Every_member_of_an_entry_round_trips_and_times_are_utc_whole_microseconds()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567));
        var log = await CreateAsync(clock);
        var full = new AuditEntry
        {
            Actor = "Zoë Admin",
            Action = "contact.delete",
            Kind = "contact",
            TargetId = "c-1",
            Outcome = AuditOutcome.Conflict,
            Before = """{ "id": "c-1", "displayName": "Łukasz, \"the\" caller",  "phones": [] }""",
            After = null,
            ClientAddress = "2001:db8::1",
        };
        var bare = Entry(outcome: AuditOutcome.Invalid, before: null, after: null);

        var stored = await log.AppendAsync(full, Cancel);
        await log.AppendAsync(bare, Cancel);
        var read = (await log.QueryAsync(new AuditQuery(), Cancel)).Items;

        Assert.Equal(TimeSpan.Zero, stored.At.Offset);
        Assert.Equal(clock.GetUtcNow().UtcTicks / 10 * 10, stored.At.UtcTicks);
        Assert.Equal(full with { Sequence = stored.Sequence, At = stored.At }, stored);
        Assert.Equal(stored, read[1]);
        Assert.Equal(bare with { Sequence = read[0].Sequence, At = stored.At }, read[0]);
    }

    [Fact]
    public async Task Values_of_secret_like_members_are_masked_wherever_they_are()
    {
        var log = await CreateAsync(new FakeTimeProvider(Start));
        var before = """
            {"id":"a1","passwordHash":"$2a$10$abc","sip":{"userName":"a1","digestHash":"9f86d0"},"secret":null,
             "sipCredentials":[{"realm":"cc","ha1":"x"}],"tokens":["t1"],"api_key":"k","name":"not secret"}
            """;

        var stored = await log.AppendAsync(Entry(before: before, after: """{"clientSecret":{"v":1},"n":[{"Password":"p"}]}"""), Cancel);
        var read = (await log.QueryAsync(new AuditQuery(), Cancel)).Items.Single();

        Assert.Equal(
            """{"id":"a1","passwordHash":"***","sip":{"userName":"a1","digestHash":"***"},"secret":null,"sipCredentials":"***","tokens":"***","api_key":"***","name":"not secret"}""",
            stored.Before);
        Assert.Equal("""{"clientSecret":"***","n":[{"Password":"***"}]}""", stored.After);
        Assert.Equal(stored, read);
        Assert.DoesNotContain("9f86d0", read.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_that_are_not_well_formed_are_refused_and_not_stored()
    {
        var log = await CreateAsync(new FakeTimeProvider(Start));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => log.AppendAsync(Entry(after: "{not json"), Cancel));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => log.AppendAsync(Entry(before: "[1,"), Cancel));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => log.AppendAsync(Entry(actor: ""), Cancel));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => log.AppendAsync(Entry() with { Outcome = (AuditOutcome)42 }, Cancel));

        Assert.Empty((await log.QueryAsync(new AuditQuery(), Cancel)).Items);
    }

    [Fact]
    public async Task Pages_run_newest_first_and_continue_before_the_last_sequence()
    {
        var clock = new FakeTimeProvider(Start);
        var log = await CreateAsync(clock);
        var appended = new List<AuditEntry>();
        for (var i = 0; i < 5; i++)
        {
            appended.Add(await log.AppendAsync(Entry($"q{i}"), Cancel));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await log.QueryAsync(new AuditQuery { Limit = 2 }, Cancel);
        await log.AppendAsync(Entry("newer"), Cancel);
        var second = await log.QueryAsync(new AuditQuery { Limit = 2, Before = first.NextBefore }, Cancel);
        var third = await log.QueryAsync(new AuditQuery { Limit = 2, Before = second.NextBefore }, Cancel);
        var exact = await log.QueryAsync(new AuditQuery { Limit = 5, Before = appended[^1].Sequence + 1 }, Cancel);

        Assert.Equal(["q4", "q3"], first.Items.Select(e => e.TargetId));
        Assert.Equal(["q2", "q1"], second.Items.Select(e => e.TargetId));
        Assert.Equal(["q0"], third.Items.Select(e => e.TargetId));
        Assert.Null(third.NextBefore);
        Assert.Equal(5, exact.Items.Count);
        Assert.Null(exact.NextBefore);
    }

    [Fact]
    public async Task Queries_filter_by_period_actor_kind_and_target()
    {
        var clock = new FakeTimeProvider(Start);
        var log = await CreateAsync(clock);
        await log.AppendAsync(Entry("sales", "alice", "queue"), Cancel);
        clock.Advance(TimeSpan.FromHours(1));
        await log.AppendAsync(Entry("sales", "bob", "skill"), Cancel);
        clock.Advance(TimeSpan.FromHours(1));
        await log.AppendAsync(Entry("support", "alice", "queue"), Cancel);
        clock.Advance(TimeSpan.FromHours(1));
        await log.AppendAsync(Entry("sales", "alice", "queue"), Cancel);

        async Task<string[]> Find(AuditQuery query) =>
            [.. (await log.QueryAsync(query, Cancel)).Items.Select(e => $"{e.At - Start:hh}:{e.Actor}:{e.Kind}:{e.TargetId}")];

        Assert.Equal(["02:alice:queue:support", "01:bob:skill:sales"],
            await Find(new AuditQuery { From = Start.AddHours(1), To = Start.AddHours(3) }));
        Assert.Equal(["03:alice:queue:sales", "02:alice:queue:support", "00:alice:queue:sales"],
            await Find(new AuditQuery { Actor = "alice" }));
        Assert.Equal(["01:bob:skill:sales"], await Find(new AuditQuery { Kind = "skill" }));
        Assert.Equal(["03:alice:queue:sales", "00:alice:queue:sales"], await Find(new AuditQuery { Kind = "queue", TargetId = "sales" }));
        Assert.Equal(["00:alice:queue:sales"],
            await Find(new AuditQuery { Actor = "alice", TargetId = "sales", To = Start.AddHours(3) }));
        Assert.Empty(await Find(new AuditQuery { Actor = "ALICE" }));
        Assert.Empty(await Find(new AuditQuery { From = Start.AddHours(3), To = Start.AddHours(3) }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(AuditQuery.MaxLimit + 1)]
    public async Task A_limit_outside_1_to_the_maximum_is_refused(int limit)
    {
        var log = await CreateAsync(new FakeTimeProvider(Start));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.QueryAsync(new AuditQuery { Limit = limit }, Cancel));
    }
}
