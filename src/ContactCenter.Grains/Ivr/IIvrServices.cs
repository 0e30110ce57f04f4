namespace ContactCenter.Grains.Ivr;

/// <summary>What IVR nodes need from outside the call grain (IVR-3, IVR-4, IVR-6, IVR-8). Grains know nothing of HTTP
/// or storage: the host implements this over its HTTP client and stores; <see cref="InMemoryIvrServices"/> serves the
/// single-node demo and tests. Calls run on the call grain's turn, so implementations must honour the cancellation
/// token and return promptly.</summary>
public interface IIvrServices
{
    /// <summary>The prompt id of the announcement when it is active; null when it is inactive or unknown.</summary>
    Task<string?> GetActiveAnnouncementAsync(string announcementId, CancellationToken cancellationToken = default);

    /// <summary>Performs the lookup within <see cref="IvrLookupRequest.Timeout"/>; throws on a transport error or
    /// timeout (any status is an answer).</summary>
    Task<IvrLookupResponse> LookupAsync(IvrLookupRequest request, CancellationToken cancellationToken = default);

    /// <summary>Stores a callback task for the queue.</summary>
    Task SaveCallbackAsync(IvrCallbackRequest request, CancellationToken cancellationToken = default);

    /// <summary>Files a recorded voicemail in its mailbox.</summary>
    Task SaveVoicemailAsync(IvrVoicemailMessage message, CancellationToken cancellationToken = default);
}
