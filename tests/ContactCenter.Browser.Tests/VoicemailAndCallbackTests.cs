using ContactCenter.Contracts.Callbacks;
using ContactCenter.Contracts.Voicemails;
using ContactCenter.Media.Recording;
using ContactCenter.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Browser.Tests;

/// <summary>The voicemail and callbacks views in Chromium against the single-node host (IVR-3, IVR-4): a supervisor plays
/// a voicemail the IVR filed, marks it handled — after a change made meanwhile elsewhere, the refused write re-reads the
/// list — and completes a pending callback; an agent reads the same voicemails without the supervisor's delete.</summary>
public sealed class VoicemailAndCallbackTests(Chromium chromium) : IClassFixture<Chromium>, IDisposable
{
    private const string VoicemailId = "voicemail-browser-1";
    private const string CallbackId = "callback-browser-1";
    private const string Caller = "+48221234567";
    private const string CallbackNumber = "+48227654321";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly DirectoryInfo _voicemails = Directory.CreateTempSubdirectory("cc-browser-voicemail-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_supervisor_plays_a_voicemail_marks_it_handled_and_completes_a_pending_callback()
    {
        Assert.SkipWhen(Chromium.UnavailableReason() is not null, Chromium.UnavailableReason() ?? "");
        await using var site = await BrowserSite.StartAsync($"--Telephony:VoicemailDirectory={_voicemails.FullName}");
        var voicemail = await SeedAsync(site);
        var supervisor = await chromium.NewPageAsync();
        await Pages.SignInAsync(supervisor, site.BaseAddress, "supervisor", "supervisor-demo", "supervisor");

        // The voicemail view lists the IVR's voicemail with its caller, New.
        await supervisor.GetByTestId("view-voicemail").ClickAsync();
        var row = supervisor.Locator($"[data-testid=voicemail-row][data-id={VoicemailId}]");
        await Expect(row).ToContainTextAsync(Caller);
        await Expect(row.GetByTestId("voicemail-status")).ToHaveTextAsync(nameof(VoicemailStatus.New));

        // Play: the player loads the recording, which the API serves as audio/wav to the signed-in supervisor.
        await row.GetByTestId("voicemail-play").ClickAsync();
        var source = await supervisor.GetByTestId("voicemail-audio").GetAttributeAsync("src");
        Assert.False(string.IsNullOrEmpty(source), "the player has no recording after Play");
        var audio = await supervisor.APIRequest.GetAsync(new Uri(site.BaseAddress, source).ToString());
        Assert.Equal((200, "audio/wav"), (audio.Status, audio.Headers["content-type"]));
        await supervisor.WaitForFunctionAsync("() => document.querySelector('[data-testid=voicemail-audio]').readyState >= 1");

        // Someone else marks it Heard meanwhile: the page's Handled names the version it read, the API refuses it (412),
        // the page says so and reads the list again; Handled on what it now shows succeeds.
        await site.Documents.UpdateAsync(voicemail with { Status = VoicemailStatus.Heard }, voicemail.Version, Cancel);
        var first = await supervisor.RunAndWaitForResponseAsync(() => row.GetByTestId("voicemail-handled").ClickAsync(),
            r => r.Url.EndsWith($"/voicemails/{VoicemailId}/status", StringComparison.Ordinal));
        if (first.Status == 412)
        {
            await Expect(supervisor.Locator("#status-line")).ToContainTextAsync("read again");
            await Expect(row.GetByTestId("voicemail-status")).ToHaveTextAsync(nameof(VoicemailStatus.Heard));
            await row.GetByTestId("voicemail-handled").ClickAsync();
        }
        else
        {
            // The view's periodic refresh read the change before the click: the write named the new version.
            Assert.Equal(200, first.Status);
        }
        await Expect(row.GetByTestId("voicemail-status")).ToHaveTextAsync(nameof(VoicemailStatus.Handled));
        await Eventually.TrueAsync(async () => (await site.Documents.GetAsync<Voicemail>(VoicemailId, Cancel))?.Status == VoicemailStatus.Handled,
            Wait, $"voicemail {VoicemailId} stored as Handled");
        await Pages.ScreenshotAsync(supervisor, "supervisor-voicemail");

        // The status persists: a reloaded page shows it Handled.
        await supervisor.ReloadAsync();
        await supervisor.Locator("body[data-ready=true]").WaitForAsync();
        await supervisor.GetByTestId("view-voicemail").ClickAsync();
        await Expect(row.GetByTestId("voicemail-status")).ToHaveTextAsync(nameof(VoicemailStatus.Handled));

        // The callbacks view shows the pending request (number, preferred time, queue); Completed takes it off the
        // pending list and is stored.
        await supervisor.GetByTestId("view-callbacks").ClickAsync();
        var callback = supervisor.Locator($"[data-testid=callback-row][data-id={CallbackId}]");
        await Expect(callback.GetByTestId("callback-number")).ToHaveTextAsync(CallbackNumber);
        await Expect(callback).ToContainTextAsync("Sales");
        await Expect(callback.GetByTestId("callback-status")).ToHaveTextAsync(nameof(CallbackStatus.Pending));
        await Pages.ScreenshotAsync(supervisor, "supervisor-callbacks");
        await callback.GetByTestId("callback-completed").ClickAsync();
        await Expect(callback.GetByTestId("callback-status")).ToHaveTextAsync(nameof(CallbackStatus.Completed));
        await Eventually.TrueAsync(async () => (await site.Documents.GetAsync<CallbackRequest>(CallbackId, Cancel))?.Status == CallbackStatus.Completed,
            Wait, $"callback {CallbackId} stored as Completed");
        await supervisor.GetByTestId("callback-refresh").ClickAsync();
        await Expect(callback).ToHaveCountAsync(0);
        await supervisor.GetByTestId("callback-status-filter").SelectOptionAsync(nameof(CallbackStatus.Completed));
        await Expect(callback.GetByTestId("callback-status")).ToHaveTextAsync(nameof(CallbackStatus.Completed));

        // An agent reads the voicemails in the workspace, without the supervisors' delete.
        var agent = await chromium.NewPageAsync();
        await Pages.SignInAsync(agent, site.BaseAddress, "agent1", "agent1-demo", "agent");
        await agent.GetByTestId("view-voicemail").ClickAsync();
        var agentsRow = agent.Locator($"[data-testid=voicemail-row][data-id={VoicemailId}]");
        await Expect(agentsRow.GetByTestId("voicemail-status")).ToHaveTextAsync(nameof(VoicemailStatus.Handled));
        await Expect(agentsRow.GetByTestId("voicemail-play")).ToBeVisibleAsync();
        await Expect(agentsRow.GetByTestId("voicemail-delete")).ToHaveCountAsync(0);
    }

    public void Dispose() => _voicemails.Delete(recursive: true);

    /// <summary>A WAV file of silence in the front end's voicemail format (8 kHz 16-bit mono PCM).</summary>
    private static byte[] Silence(TimeSpan length)
    {
        var format = WavFormat.PcmMono8k;
        var data = (uint)(format.ByteRate * length.TotalSeconds);
        var wav = new byte[WavHeader.CanonicalLength + data];
        WavHeader.Write(wav, format, data);
        return wav;
    }

    /// <summary>What the IVR files (through the host's IVR services): a voicemail in the support mailbox, its recording in
    /// the voicemail directory, and a callback request for sales with a preferred time.</summary>
    private async Task<Voicemail> SeedAsync(BrowserSite site)
    {
        var recording = Path.Combine(_voicemails.FullName, $"{VoicemailId}.wav");
        await File.WriteAllBytesAsync(recording, Silence(TimeSpan.FromSeconds(1)), Cancel);
        var now = DateTimeOffset.UtcNow;
        var voicemail = await site.Documents.CreateAsync(new Voicemail
        {
            Id = VoicemailId,
            MailboxId = "support",
            CallId = "browser-voicemail-call",
            CallerNumber = Caller,
            RecordedAt = now,
            Duration = TimeSpan.FromSeconds(1),
            Path = recording,
        }, Cancel);
        await site.Documents.CreateAsync(new CallbackRequest
        {
            Id = CallbackId,
            CallId = "browser-callback-call",
            Number = CallbackNumber,
            QueueId = "sales",
            PreferredAt = now.AddHours(2),
            CreatedAt = now,
        }, Cancel);
        return voicemail;
    }
}
