using System.Security.Cryptography;
using System.Text.Json;
using ContactCenter.Contracts.Callbacks;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Voicemails;
using ContactCenter.Grains.Ivr;
using ContactCenter.Host.Ivr;
using ContactCenter.Host.Telephony;
using ContactCenter.Storage.Documents;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Interop.Tests.Ivr;

/// <summary>The silo's IVR services as the node registers them: lookups against a loopback HTTP service, announcements,
/// callbacks and voicemails over the in-memory document store.</summary>
public sealed class HostIvrServicesTests : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly InMemoryDocumentStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    private readonly ServiceProvider _provider;
    private readonly IIvrServices _services;

    public HostIvrServicesTests()
    {
        _provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IDocumentStore>(_store)
            .AddSingleton<TimeProvider>(TimeProvider.System)
            .AddHostIvrServices()
            .BuildServiceProvider();
        _services = _provider.GetRequiredService<IIvrServices>();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    [Fact]
    public void The_node_replaces_the_in_memory_services()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<IDocumentStore>(_store);
        services.AddSingleton<IIvrServices, InMemoryIvrServices>();
        using var provider = services.AddHostIvrServices().BuildServiceProvider();

        Assert.IsType<HostIvrServices>(provider.GetRequiredService<IIvrServices>());
    }

    [Fact]
    public async Task A_post_lookup_sends_its_body_as_json_and_gets_the_answer_back()
    {
        await using var server = await LookupServer.StartAsync(Cancel);

        var answer = await _services.LookupAsync(
            new IvrLookupRequest(IvrHttpMethod.Post, server.BaseUrl + "/echo?caller=%2B48221", """{"card":"4111"}""", TimeSpan.FromSeconds(5)), Cancel);

        Assert.Equal(200, answer.StatusCode);
        var echo = JsonSerializer.Deserialize<EchoAnswer>(answer.Body, Json)!;
        Assert.Equal(("POST", "?caller=%2B48221", """{"card":"4111"}"""), (echo.Method, echo.Query, echo.Body));
        Assert.StartsWith("application/json", echo.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_get_lookup_sends_no_body()
    {
        await using var server = await LookupServer.StartAsync(Cancel);

        var answer = await _services.LookupAsync(new IvrLookupRequest(IvrHttpMethod.Get, server.BaseUrl + "/echo", null, TimeSpan.FromSeconds(5)), Cancel);

        var echo = JsonSerializer.Deserialize<EchoAnswer>(answer.Body, Json)!;
        Assert.Equal(("GET", ""), (echo.Method, echo.Body));
    }

    [Fact]
    public async Task A_server_error_is_an_answer_with_its_status()
    {
        await using var server = await LookupServer.StartAsync(Cancel);

        var answer = await _services.LookupAsync(new IvrLookupRequest(IvrHttpMethod.Get, server.BaseUrl + "/fail", null, TimeSpan.FromSeconds(5)), Cancel);

        Assert.Equal((500, """{"error":"down"}"""), (answer.StatusCode, answer.Body));
    }

    [Fact]
    public async Task A_lookup_without_an_answer_in_time_times_out()
    {
        await using var server = await LookupServer.StartAsync(Cancel);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => _services.LookupAsync(
            new IvrLookupRequest(IvrHttpMethod.Get, server.BaseUrl + "/slow?card=4111111111111111", null, TimeSpan.FromMilliseconds(300)), Cancel));

        Assert.DoesNotContain("4111", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_lookup_is_cancelled_not_timed_out()
    {
        await using var server = await LookupServer.StartAsync(Cancel);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        caller.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _services.LookupAsync(
            new IvrLookupRequest(IvrHttpMethod.Get, server.BaseUrl + "/slow", null, TimeSpan.FromSeconds(30)), caller.Token));
    }

    [Fact]
    public async Task A_transport_error_fails_naming_only_the_host()
    {
        var port = LoopbackPorts.Tcp();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _services.LookupAsync(
            new IvrLookupRequest(IvrHttpMethod.Get, $"http://127.0.0.1:{port}/cards?number=4111111111111111", null, TimeSpan.FromSeconds(5)), Cancel));

        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_announcement_plays_only_while_active_with_audio()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData("wav"u8));
        await _store.CreateAsync(Announcement("outage", active: true, hash), Cancel);
        await _store.CreateAsync(Announcement("maintenance", active: false, hash), Cancel);
        await _store.CreateAsync(Announcement("draft", active: false, hash: null), Cancel);

        Assert.Equal($"announcement-outage-{hash[..12]}", await _services.GetActiveAnnouncementAsync("outage", Cancel));
        Assert.Equal(FrontEndPrompts.AnnouncementPromptId("outage", hash), await _services.GetActiveAnnouncementAsync("outage", Cancel));
        Assert.Null(await _services.GetActiveAnnouncementAsync("maintenance", Cancel));
        Assert.Null(await _services.GetActiveAnnouncementAsync("draft", Cancel));
        Assert.Null(await _services.GetActiveAnnouncementAsync("unknown", Cancel));
    }

    [Fact]
    public async Task A_callback_is_stored_pending_once()
    {
        var preferred = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        var request = new IvrCallbackRequest("call-cb-1", "sales", "+48221000100", preferred);

        await _services.SaveCallbackAsync(request, Cancel);
        await _services.SaveCallbackAsync(request, Cancel);

        var stored = Assert.Single(await _store.ReadAllAsync<CallbackRequest>(Cancel).ToListAsync(Cancel));
        Assert.Equal(("call-cb-1", "sales", "+48221000100", (DateTimeOffset?)preferred, CallbackStatus.Pending),
            (stored.CallId, stored.QueueId, stored.Number, stored.PreferredAt, stored.Status));
        Assert.StartsWith("callback-", stored.Id, StringComparison.Ordinal);
        Assert.NotEqual(default, stored.CreatedAt);
    }

    [Fact]
    public async Task A_voicemail_is_filed_in_its_mailbox_once()
    {
        var message = new IvrVoicemailMessage("call-vm-1", "support", "+48221000200", _time.GetUtcNow(), TimeSpan.FromSeconds(17),
            "/var/tmp/contactcenter/recordings/call-vm-1.wav");

        await _services.SaveVoicemailAsync(message, Cancel);
        await _services.SaveVoicemailAsync(message, Cancel);

        var stored = Assert.Single(await _store.ReadAllAsync<Voicemail>(Cancel).ToListAsync(Cancel));
        Assert.Equal(("support", "call-vm-1", "+48221000200", message.RecordedAt, TimeSpan.FromSeconds(17), message.Location),
            (stored.MailboxId, stored.CallId, stored.CallerNumber, stored.RecordedAt, stored.Duration, stored.Path));
    }

    private static Announcement Announcement(string id, bool active, string? hash) => new()
    {
        Id = id,
        Name = id,
        Active = active,
        AudioSha256 = hash,
        AudioDuration = hash is null ? TimeSpan.Zero : TimeSpan.FromSeconds(3),
    };
}
