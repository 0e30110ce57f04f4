using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Contracts.Callbacks;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Voicemails;
using ContactCenter.Grains.Ivr;
using ContactCenter.Host.Telephony;
using ContactCenter.Storage.Documents;

namespace ContactCenter.Host.Ivr;

/// <summary>The silo's <see cref="IIvrServices"/>: lookups over HTTP (the <see cref="HttpClientName"/> client of
/// <see cref="IHttpClientFactory"/>), announcements, callbacks and voicemails in the document store. Lookup URLs and
/// bodies may carry what callers keyed in (card numbers), so only the host, the status and the time taken are
/// logged, and errors name no more than the host.</summary>
internal sealed partial class HostIvrServices(
    IHttpClientFactory httpClients, IDocumentStore store, TimeProvider time, ILogger<HostIvrServices> logger) : IIvrServices
{
    /// <summary>The name of the lookups' HTTP client.</summary>
    public const string HttpClientName = "ivr-lookups";

    /// <summary>The longest lookup answer read: 1 MiB (a longer one is a failed lookup).</summary>
    public const int MaxAnswerLength = 1024 * 1024;

    /// <inheritdoc />
    public async Task<string?> GetActiveAnnouncementAsync(string announcementId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(announcementId);
        var announcement = await store.GetAsync<Announcement>(announcementId, cancellationToken);
        return announcement is { Active: true, AudioSha256: { } hash }
            ? FrontEndPrompts.AnnouncementPromptId(announcement.Id, hash)
            : null;
    }

    /// <inheritdoc />
    /// <exception cref="TimeoutException">No answer within the request's timeout.</exception>
    /// <exception cref="HttpRequestException">The request could not be sent or its answer not read.</exception>
    public async Task<IvrLookupResponse> LookupAsync(IvrLookupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("the lookup URL is not an absolute http or https URL", nameof(request));
        }
        using var timer = new CancellationTokenSource(request.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        using var message = new HttpRequestMessage(request.Method == IvrHttpMethod.Post ? HttpMethod.Post : HttpMethod.Get, uri);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.Body is { } body)
        {
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        var started = time.GetTimestamp();
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(message, linked.Token);
            var answer = await response.Content.ReadAsStringAsync(linked.Token);
            LogLookupAnswered(uri.Host, (int)response.StatusCode, time.GetElapsedTime(started).TotalMilliseconds);
            return new IvrLookupResponse((int)response.StatusCode, answer);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogLookupTimedOut(uri.Host, request.Timeout);
            throw new TimeoutException($"the lookup at {uri.Host} did not answer within {request.Timeout}");
        }
        catch (HttpRequestException exception)
        {
            // The handler's message may quote the URL; say only which host failed and how.
            LogLookupFailed(uri.Host, exception.HttpRequestError);
            throw new HttpRequestException(exception.HttpRequestError, $"the lookup at {uri.Host} failed ({exception.HttpRequestError})");
        }
    }

    /// <inheritdoc />
    public async Task SaveCallbackAsync(IvrCallbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var callback = new CallbackRequest
        {
            Id = DocumentId("callback-", request.CallId + "\n" + request.QueueId),
            CallId = request.CallId,
            Number = request.Number,
            QueueId = request.QueueId,
            PreferredAt = request.PreferredAt,
            CreatedAt = time.GetUtcNow(),
        };
        if (await CreateOnceAsync(callback, cancellationToken))
        {
            LogCallbackStored(callback.Id, request.CallId, request.QueueId);
        }
    }

    /// <inheritdoc />
    public async Task SaveVoicemailAsync(IvrVoicemailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var voicemail = new Voicemail
        {
            Id = DocumentId("voicemail-", $"{message.CallId}\n{message.MailboxId}\n{message.RecordedAt.UtcTicks}"),
            MailboxId = message.MailboxId,
            CallId = message.CallId,
            CallerNumber = message.CallerNumber,
            RecordedAt = message.RecordedAt,
            Duration = message.Duration,
            Path = message.Location,
        };
        if (await CreateOnceAsync(voicemail, cancellationToken))
        {
            LogVoicemailStored(voicemail.Id, message.CallId, message.MailboxId, message.Duration);
        }
    }

    /// <summary>Ids derive from what identifies the request, so a repeated save (a grain turn replayed) finds the
    /// document stored and leaves it: false then.</summary>
    private async Task<bool> CreateOnceAsync<T>(T document, CancellationToken cancellationToken) where T : class
    {
        try
        {
            await store.CreateAsync(document, cancellationToken);
            return true;
        }
        catch (DocumentVersionConflictException)
        {
            return false;
        }
    }

    private static string DocumentId(string prefix, string key) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];

    [LoggerMessage(200, LogLevel.Debug, "IVR: lookup at {Host} answered {Status} in {Milliseconds:0} ms")]
    private partial void LogLookupAnswered(string host, int status, double milliseconds);

    [LoggerMessage(201, LogLevel.Warning, "IVR: lookup at {Host} did not answer within {Timeout}")]
    private partial void LogLookupTimedOut(string host, TimeSpan timeout);

    [LoggerMessage(202, LogLevel.Warning, "IVR: lookup at {Host} failed ({Error})")]
    private partial void LogLookupFailed(string host, HttpRequestError error);

    [LoggerMessage(203, LogLevel.Information, "IVR: callback {CallbackId} of call {CallId} stored for queue {QueueId}")]
    private partial void LogCallbackStored(string callbackId, string callId, string queueId);

    [LoggerMessage(204, LogLevel.Information, "IVR: voicemail {VoicemailId} of call {CallId} ({Duration}) filed in mailbox {MailboxId}")]
    private partial void LogVoicemailStored(string voicemailId, string callId, string mailboxId, TimeSpan duration);
}
