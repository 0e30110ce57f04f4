using System.Net;
using ContactCenter.Contracts.Voicemails;
using ContactCenter.Storage.Audit;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Apis;
using ContactCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Ivr;

/// <summary>Voicemails with web access (IVR-3): listed newest first by mailbox and status, read with their ETag, their
/// recording played from the voicemail directory only, marked heard or handled under If-Match and deleted with their
/// recording by supervisors; every write audited; wallboards shut out.</summary>
public sealed class VoicemailsApiTests : IAsyncLifetime
{
    private const string Voicemails = "/api/v1/voicemails";

    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cc-voicemail-api-");
    private WebTestHost _host = null!;
    private HttpClient _agent = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IDocumentStore Store => _host.Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        _host = await WebTestHost.StartAsync(services =>
            services.Configure<VoicemailOptions>(options => options.VoicemailDirectory = _directory.FullName));
        _agent = await _host.CreateClientAsync("alice", "agent");
    }

    public async ValueTask DisposeAsync()
    {
        _agent.Dispose();
        await _host.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Voicemails_are_listed_newest_first_by_mailbox_and_status_a_page_at_a_time()
    {
        await SaveAsync("vm-old", "support", Noon);
        await SaveAsync("vm-new", "support", Noon.AddMinutes(2));
        await SaveAsync("vm-mid", "support", Noon.AddMinutes(1), VoicemailStatus.Heard);
        await SaveAsync("vm-sales", "sales", Noon.AddMinutes(3));

        using var all = await _agent.GetPathAsync($"{Voicemails}?mailboxId=support");
        Assert.Equal(["vm-new", "vm-mid", "vm-old"], (await all.ReadAsync<NewestFirstPage<Voicemail>>()).Items.Select(v => v.Id));
        using var heard = await _agent.GetPathAsync($"{Voicemails}?status=heard");
        Assert.Equal(["vm-mid"], (await heard.ReadAsync<NewestFirstPage<Voicemail>>()).Items.Select(v => v.Id));

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            using var response = await _agent.GetPathAsync($"{Voicemails}?limit=3{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadAsync<NewestFirstPage<Voicemail>>();
            seen.AddRange(page.Items.Select(v => v.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(["vm-sales", "vm-new", "vm-mid", "vm-old"], seen);
    }

    [Fact]
    public async Task A_listing_with_an_unknown_status_a_bad_limit_or_cursor_answers_400_naming_the_field()
    {
        using var status = await _agent.GetPathAsync($"{Voicemails}?status=played");
        using var limit = await _agent.GetPathAsync($"{Voicemails}?limit=0");
        using var cursor = await _agent.GetPathAsync($"{Voicemails}?cursor=yesterday");

        Assert.Equal(["status"], (await status.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["limit"], (await limit.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["cursor"], (await cursor.ReadFieldErrorsAsync()).Keys);
    }

    [Fact]
    public async Task A_voicemail_is_read_with_its_ETag_and_an_unknown_one_answers_404()
    {
        var saved = await SaveAsync("vm-1", "support", Noon);

        using var read = await _agent.GetPathAsync($"{Voicemails}/vm-1");
        using var unknown = await _agent.GetPathAsync($"{Voicemails}/vm-none");

        Assert.Equal((HttpStatusCode.OK, "\"1\""), (read.StatusCode, read.Headers.ETag?.ToString()));
        Assert.Equal(saved, await read.ReadAsync<Voicemail>());
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"),
            (unknown.StatusCode, unknown.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task The_recording_is_played_as_WAV_from_the_voicemail_directory_only()
    {
        byte[] wav = [.. "RIFF"u8, 1, 2, 3, 4, .. "WAVE"u8];
        var outside = Path.Combine(Path.GetTempPath(), $"cc-outside-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(outside, wav, Cancel);
        try
        {
            await SaveAsync("vm-1", "support", Noon, path: await RecordingAsync("vm-1.wav", wav));
            await SaveAsync("vm-gone", "support", Noon, path: Path.Combine(_directory.FullName, "gone.wav"));
            await SaveAsync("vm-none", "support", Noon);
            await SaveAsync("vm-outside", "support", Noon, path: outside);
            await SaveAsync("vm-escape", "support", Noon, path: Path.Combine(_directory.FullName, "..", Path.GetFileName(outside)));

            using var played = await _agent.GetPathAsync($"{Voicemails}/vm-1/audio");
            Assert.Equal((HttpStatusCode.OK, "audio/wav"), (played.StatusCode, played.Content.Headers.ContentType?.MediaType));
            Assert.Equal(wav, await played.Content.ReadAsByteArrayAsync(Cancel));
            foreach (var id in new[] { "vm-gone", "vm-none", "vm-outside", "vm-escape", "vm-unknown" })
            {
                using var refused = await _agent.GetPathAsync($"{Voicemails}/{id}/audio");
                Assert.True(refused.StatusCode == HttpStatusCode.NotFound
                            && refused.Content.Headers.ContentType?.MediaType == "application/problem+json",
                    $"audio of {id}: {refused.StatusCode} {refused.Content.Headers.ContentType}");
            }
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task A_voicemail_is_marked_heard_under_If_Match_and_the_change_is_audited()
    {
        var saved = await SaveAsync("vm-1", "support", Noon);

        using var unconditional = await _agent.PutJsonAsync($"{Voicemails}/vm-1/status", new StatusChange("Heard"));
        using var stale = await _agent.PutJsonAsync($"{Voicemails}/vm-1/status", new StatusChange("Heard"), ifMatch: "\"7\"");
        using var invalid = await _agent.PutJsonAsync($"{Voicemails}/vm-1/status", new StatusChange("played"), ifMatch: "\"1\"");
        using var missing = await _agent.PutJsonAsync($"{Voicemails}/vm-1/status", new StatusChange(null), ifMatch: "\"1\"");
        using var unknown = await _agent.PutJsonAsync($"{Voicemails}/vm-none/status", new StatusChange("Heard"), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionRequired, unconditional.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(["status"], (await invalid.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["status"], (await missing.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(saved, await Store.GetAsync<Voicemail>("vm-1", Cancel));

        using var heard = await _agent.PutJsonAsync($"{Voicemails}/vm-1/status", new StatusChange("heard"), ifMatch: "\"1\"");

        Assert.Equal((HttpStatusCode.OK, "\"2\""), (heard.StatusCode, heard.Headers.ETag?.ToString()));
        Assert.Equal(saved with { Status = VoicemailStatus.Heard, Version = 2 }, await heard.ReadAsync<Voicemail>());
        Assert.Equal(VoicemailStatus.Heard, (await Store.GetAsync<Voicemail>("vm-1", Cancel))?.Status);
        var entries = await AuditAsync();
        Assert.Equal(
            [(AuditOutcome.Conflict, "alice"), (AuditOutcome.Invalid, "alice"), (AuditOutcome.Invalid, "alice"), (AuditOutcome.Succeeded, "alice")],
            entries.Select(e => (e.Outcome, e.Actor)));
        Assert.All(entries, e => Assert.Equal("voicemail.status", e.Action));
        Assert.Contains("\"status\":\"Heard\"", entries[^1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisors_delete_a_voicemail_with_its_recording_and_agents_may_not()
    {
        var path = await RecordingAsync("vm-1.wav", [1, 2, 3]);
        await SaveAsync("vm-1", "support", Noon, path: path);
        using var supervisor = await _host.CreateClientAsync("sam", "supervisor");

        using var byAgent = await _agent.DeleteIfMatchAsync($"{Voicemails}/vm-1", "\"1\"");
        using var unconditional = await supervisor.DeleteIfMatchAsync($"{Voicemails}/vm-1", ifMatch: null);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.PreconditionRequired), (byAgent.StatusCode, unconditional.StatusCode));
        Assert.True(File.Exists(path));

        using var deleted = await supervisor.DeleteIfMatchAsync($"{Voicemails}/vm-1", "\"1\"");
        using var again = await supervisor.DeleteIfMatchAsync($"{Voicemails}/vm-1", "\"1\"");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (deleted.StatusCode, again.StatusCode));
        Assert.Null(await Store.GetAsync<Voicemail>("vm-1", Cancel));
        Assert.False(File.Exists(path));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(("voicemail.delete", AuditOutcome.Succeeded, "sam"), (entry.Action, entry.Outcome, entry.Actor));
    }

    [Fact]
    public async Task A_file_outside_the_voicemail_directory_is_not_deleted_with_its_voicemail()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"cc-outside-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(outside, [1, 2, 3], Cancel);
        try
        {
            await SaveAsync("vm-1", "support", Noon, path: outside);
            using var admin = await _host.CreateClientAsync("ada", "admin");

            using var deleted = await admin.DeleteIfMatchAsync($"{Voicemails}/vm-1", "\"1\"");

            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.True(File.Exists(outside));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task A_wallboard_may_not_read_or_change_voicemails()
    {
        await SaveAsync("vm-1", "support", Noon, path: await RecordingAsync("vm-1.wav", [1, 2, 3]));
        using var wallboard = await _host.CreateClientAsync("wall", "wallboard");

        using var list = await wallboard.GetPathAsync(Voicemails);
        using var read = await wallboard.GetPathAsync($"{Voicemails}/vm-1");
        using var audio = await wallboard.GetPathAsync($"{Voicemails}/vm-1/audio");
        using var status = await wallboard.PutJsonAsync($"{Voicemails}/vm-1/status", new StatusChange("Heard"), ifMatch: "\"1\"");
        using var delete = await wallboard.DeleteIfMatchAsync($"{Voicemails}/vm-1", "\"1\"");

        Assert.All(new[] { list, read, audio, status, delete }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(VoicemailStatus.New, (await Store.GetAsync<Voicemail>("vm-1", Cancel))?.Status);
    }

    private async Task<Voicemail> SaveAsync(string id, string mailboxId, DateTimeOffset recordedAt,
        VoicemailStatus status = VoicemailStatus.New, string? path = null) =>
        await Store.CreateAsync(new Voicemail
        {
            Id = id,
            MailboxId = mailboxId,
            CallId = $"call-{id}",
            CallerNumber = "+4930123456",
            RecordedAt = recordedAt,
            Duration = TimeSpan.FromSeconds(7),
            Path = path,
            Status = status,
        }, Cancel);

    private async Task<string> RecordingAsync(string name, byte[] wav)
    {
        var path = Path.Combine(_directory.FullName, name);
        await File.WriteAllBytesAsync(path, wav, Cancel);
        return path;
    }

    private async Task<List<AuditEntry>> AuditAsync() =>
        [.. (await _host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Kind = "voicemail" }, Cancel)).Items
            .OrderBy(e => e.Sequence)];
}
