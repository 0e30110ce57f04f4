using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Audit;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Telephony;

/// <summary>General-problem announcements (IVR-6) through the configuration API: the recording uploaded as a raw
/// 8 kHz mono WAV under If-Match, checked, stored apart and served back as uploaded; its hash and duration set only by
/// the upload; no activation without audio; who may read and write; the recording deleted with its announcement.</summary>
public sealed class AnnouncementApiTests : IAsyncLifetime
{
    private const string Announcements = "/api/v1/announcements";

    private WebTestHost _host = null!;
    private HttpClient _admin = null!;

    private static Announcement Outage => new() { Id = "outage", Name = "Network outage" };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await WebTestHost.StartAsync();
        _admin = await _host.CreateClientAsync("ada", "admin");
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task An_announcement_is_created_given_its_recording_activated_and_deactivated()
    {
        var wav = Wav(8000, channels: 1, TimeSpan.FromSeconds(0.5));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(wav));
        using (var created = await _admin.PutJsonAsync($"{Announcements}/outage", Outage))
        {
            Assert.Equal((HttpStatusCode.Created, "\"1\""), (created.StatusCode, created.Headers.ETag?.ToString()));
            Assert.Null((await created.ReadAsync<Announcement>()).AudioSha256);
        }

        using var uploaded = await UploadAsync("outage", wav, ifMatch: "\"1\"");
        Assert.Equal((HttpStatusCode.OK, "\"2\""), (uploaded.StatusCode, uploaded.Headers.ETag?.ToString()));
        using var audio = await _admin.GetPathAsync($"{Announcements}/outage/audio");
        Assert.Equal((HttpStatusCode.OK, "audio/wav"), (audio.StatusCode, audio.Content.Headers.ContentType?.MediaType));
        Assert.Equal(wav, await audio.Content.ReadAsByteArrayAsync(Cancel));
        using var read = await _admin.GetPathAsync($"{Announcements}/outage");
        var withAudio = await read.ReadAsync<Announcement>();
        Assert.Equal((sha256, TimeSpan.FromSeconds(0.5), false, 2L), (withAudio.AudioSha256, withAudio.AudioDuration, withAudio.Active, withAudio.Version));

        using var activated = await _admin.PutJsonAsync($"{Announcements}/outage", withAudio with { Active = true }, ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        Assert.True((await StoredAsync()).Active);
        using var deactivated = await _admin.PutJsonAsync($"{Announcements}/outage", withAudio with { Active = false }, ifMatch: "\"3\"");
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(withAudio with { Version = 4 }, await StoredAsync());

        var entries = (await _host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Kind = "announcement" }, Cancel)).Items
            .OrderBy(e => e.Sequence).ToList();
        Assert.Equal(["announcement.create", "announcement.audio", "announcement.update", "announcement.update"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(AuditOutcome.Succeeded, e.Outcome));
        Assert.Contains(sha256, entries[1].After, StringComparison.Ordinal);
        // 45 is a multiple of 3: the slice's base64 is a substring of the whole file's.
        Assert.All(entries.SelectMany(e => new[] { e.Before, e.After }).OfType<string>(),
            text => Assert.DoesNotContain(Convert.ToBase64String(wav.AsSpan(45, 30)), text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_recording_hash_and_duration_are_set_only_by_the_upload()
    {
        var claimed = new string('0', 64);
        using var created = await _admin.PutJsonAsync($"{Announcements}/outage",
            Outage with { AudioSha256 = claimed, AudioDuration = TimeSpan.FromMinutes(1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(((string?)null, TimeSpan.Zero), ((await StoredAsync()).AudioSha256, (await StoredAsync()).AudioDuration));
        using var uploaded = await UploadAsync("outage", Wav(8000, 1, TimeSpan.FromSeconds(0.5)), ifMatch: "\"1\"");
        var stored = await StoredAsync();

        var body = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync(Cancel))!.AsObject();
        body["name"] = "Outage (renamed)";
        body["audioSha256"] = claimed;
        body["audioDuration"] = "00:01:00";
        using var replaced = await _admin.PutJsonAsync($"{Announcements}/outage", body, ifMatch: "\"2\"");

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(stored with { Name = "Outage (renamed)", Version = 3 }, await replaced.ReadAsync<Announcement>());
        Assert.Equal(stored with { Name = "Outage (renamed)", Version = 3 }, await StoredAsync());
    }

    [Fact]
    public async Task Recordings_that_are_not_8_kHz_mono_WAV_answer_400_on_audio_and_change_nothing()
    {
        using var created = await _admin.PutJsonAsync($"{Announcements}/outage", Outage);
        var half = TimeSpan.FromSeconds(0.5);

        using var cd = await UploadAsync("outage", Wav(44100, 1, half), ifMatch: "\"1\"");
        using var stereo = await UploadAsync("outage", Wav(8000, 2, half), ifMatch: "\"1\"");
        using var text = await UploadAsync("outage", "not a recording"u8.ToArray(), ifMatch: "\"1\"");
        using var empty = await UploadAsync("outage", [], ifMatch: "\"1\"");
        using var json = await UploadAsync("outage", Wav(8000, 1, half), ifMatch: "\"1\"", contentType: "application/json");

        Assert.Contains("44100 Hz", Assert.Single((await cd.ReadFieldErrorsAsync())["audio"]), StringComparison.Ordinal);
        Assert.Contains("2 channels", Assert.Single((await stereo.ReadFieldErrorsAsync())["audio"]), StringComparison.Ordinal);
        Assert.Contains("RIFF/WAVE", Assert.Single((await text.ReadFieldErrorsAsync())["audio"]), StringComparison.Ordinal);
        Assert.Equal(["audio"], (await empty.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(Outage with { Version = 1 }, await StoredAsync());
        Assert.Null(await _host.Services.GetRequiredService<IDocumentStore>().GetAsync<AnnouncementAudio>("outage", Cancel));
    }

    [Fact]
    public async Task A_recording_over_4_MiB_answers_413_and_uploads_need_the_announcement_and_its_ETag()
    {
        using var created = await _admin.PutJsonAsync($"{Announcements}/outage", Outage);
        // 16-bit PCM at 8 kHz: 4 MiB hold 262 s.
        var large = Wav(8000, 1, TimeSpan.FromSeconds(263));
        Assert.True(large.Length > AnnouncementAudio.MaxWavLength);

        using var tooLarge = await UploadAsync("outage", large, ifMatch: "\"1\"");
        using var withoutIfMatch = await UploadAsync("outage", Wav(8000, 1, TimeSpan.FromSeconds(0.5)), ifMatch: null);
        using var stale = await UploadAsync("outage", Wav(8000, 1, TimeSpan.FromSeconds(0.5)), ifMatch: "\"7\"");
        using var absent = await UploadAsync("nothing", Wav(8000, 1, TimeSpan.FromSeconds(0.5)), ifMatch: "\"1\"");
        using var noAudio = await _admin.GetPathAsync($"{Announcements}/outage/audio");

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json"),
            (tooLarge.StatusCode, tooLarge.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noAudio.StatusCode);
        Assert.Equal(Outage with { Version = 1 }, await StoredAsync());
    }

    [Fact]
    public async Task An_announcement_without_audio_cannot_be_activated()
    {
        using var activeAtOnce = await _admin.PutJsonAsync($"{Announcements}/outage", Outage with { Active = true });
        using var created = await _admin.PutJsonAsync($"{Announcements}/outage", Outage);
        using var activated = await _admin.PutJsonAsync($"{Announcements}/outage", Outage with { Active = true }, ifMatch: "\"1\"");
        using var badLanguage = await _admin.PutJsonAsync($"{Announcements}/outage", Outage with { Language = "English" }, ifMatch: "\"1\"");

        Assert.Contains("upload the audio first", Assert.Single((await activeAtOnce.ReadFieldErrorsAsync())["active"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["active"], (await activated.ReadFieldErrorsAsync()).Keys);
        Assert.Equal(["language"], (await badLanguage.ReadFieldErrorsAsync()).Keys);
        Assert.False((await StoredAsync()).Active);
    }

    [Fact]
    public async Task Agents_are_refused_and_supervisors_read_announcements_and_recordings_but_do_not_write()
    {
        using var supervisor = await _host.CreateClientAsync("sue", "supervisor");
        using var agent = await _host.CreateClientAsync("bob", "agent");
        var wav = Wav(8000, 1, TimeSpan.FromSeconds(0.5));
        using (var created = await _admin.PutJsonAsync($"{Announcements}/outage", Outage))
        using (var uploaded = await UploadAsync("outage", wav, ifMatch: "\"1\"", contentType: "audio/x-wav"))
        {
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        using var list = await supervisor.GetPathAsync(Announcements);
        using var audio = await supervisor.GetPathAsync($"{Announcements}/outage/audio");
        using var put = await supervisor.PutJsonAsync($"{Announcements}/outage", Outage, ifMatch: "\"2\"");
        using var upload = await UploadAsync("outage", wav, ifMatch: "\"2\"", client: supervisor);
        using var delete = await supervisor.DeleteIfMatchAsync($"{Announcements}/outage", "\"2\"");
        using var agentList = await agent.GetPathAsync(Announcements);
        using var agentAudio = await agent.GetPathAsync($"{Announcements}/outage/audio");

        Assert.Equal(["outage"], (await list.ReadAsync<DocumentPage<Announcement>>()).Items.Select(a => a.Id));
        Assert.Equal(wav, await audio.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { put, upload, delete, agentList, agentAudio }.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Deleting_an_announcement_deletes_its_recording()
    {
        using (var created = await _admin.PutJsonAsync($"{Announcements}/outage", Outage))
        using (var uploaded = await UploadAsync("outage", Wav(8000, 1, TimeSpan.FromSeconds(0.5)), ifMatch: "\"1\"", contentType: "audio/wave"))
        {
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        using var deleted = await _admin.DeleteIfMatchAsync($"{Announcements}/outage", "\"2\"");
        using var audio = await _admin.GetPathAsync($"{Announcements}/outage/audio");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, audio.StatusCode);
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        Assert.Null(await store.GetAsync<Announcement>("outage", Cancel));
        Assert.Null(await store.GetAsync<AnnouncementAudio>("outage", Cancel));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_upload_as_a_WAV_body()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetPathAsync("/openapi/v1.json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        var body = document["paths"]![$"{Announcements}/{{id}}/audio"]!["put"]!["requestBody"]!;

        Assert.Equal(["audio/wav", "audio/x-wav", "audio/wave"], body["content"]!.AsObject().Select(c => c.Key));
        Assert.Equal("binary", body["content"]!["audio/wav"]!["schema"]!["format"]!.GetValue<string>());
        Assert.True(body["required"]!.GetValue<bool>());
    }

    /// <summary>A 16-bit PCM WAV of a 440 Hz sine: the canonical 44-byte RIFF header and the samples.</summary>
    private static byte[] Wav(int sampleRate, int channels, TimeSpan length)
    {
        var frames = (int)(sampleRate * length.TotalSeconds);
        var data = frames * channels * 2;
        var wav = new byte[44 + data];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), sampleRate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), data);
        for (var i = 0; i < frames * channels; i++)
        {
            var sample = (short)(8000 * Math.Sin(2 * Math.PI * 440 * (i / channels) / sampleRate));
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * 2)), sample);
        }
        return wav;
    }

    private async Task<HttpResponseMessage> UploadAsync(string id, byte[] wav, string? ifMatch, string contentType = "audio/wav",
        HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"{Announcements}/{id}/audio", UriKind.Relative))
        {
            Content = new ByteArrayContent(wav) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } },
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await (client ?? _admin).SendAsync(request, Cancel);
    }

    private async Task<Announcement> StoredAsync() =>
        (await _host.Services.GetRequiredService<IDocumentStore>().GetAsync<Announcement>("outage", Cancel))!;
}
