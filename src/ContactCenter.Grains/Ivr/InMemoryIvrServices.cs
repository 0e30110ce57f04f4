using System.Collections.Concurrent;

namespace ContactCenter.Grains.Ivr;

/// <summary>The IVR's services held in memory: the single-node demo's and the tests' <see cref="IIvrServices"/>.
/// Announcements are inactive until <see cref="Activate"/>d; lookups are answered by <see cref="Lookups"/> (none: the
/// lookup fails, so the tree takes its error branch); callbacks and voicemails are kept in order. Thread-safe.</summary>
public sealed class InMemoryIvrServices : IIvrServices
{
    private readonly ConcurrentDictionary<string, string> _announcements = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IvrCallbackRequest> _callbacks = new();
    private readonly ConcurrentQueue<IvrVoicemailMessage> _voicemails = new();

    /// <summary>Answers lookups; null = every lookup fails with "no lookup service".</summary>
    public Func<IvrLookupRequest, IvrLookupResponse>? Lookups { get; set; }

    /// <summary>Callbacks stored, oldest first.</summary>
    public IReadOnlyList<IvrCallbackRequest> Callbacks => [.. _callbacks];

    /// <summary>Voicemails filed, oldest first.</summary>
    public IReadOnlyList<IvrVoicemailMessage> Voicemails => [.. _voicemails];

    /// <summary>Activates the announcement with its prompt.</summary>
    public void Activate(string announcementId, string promptId) => _announcements[announcementId] = promptId;

    /// <summary>Deactivates the announcement.</summary>
    public void Deactivate(string announcementId) => _announcements.TryRemove(announcementId, out _);

    /// <inheritdoc />
    public Task<string?> GetActiveAnnouncementAsync(string announcementId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_announcements.GetValueOrDefault(announcementId));

    /// <inheritdoc />
    public Task<IvrLookupResponse> LookupAsync(IvrLookupRequest request, CancellationToken cancellationToken = default) =>
        Lookups is { } lookups
            ? Task.FromResult(lookups(request))
            : Task.FromException<IvrLookupResponse>(new InvalidOperationException("no lookup service is configured"));

    /// <inheritdoc />
    public Task SaveCallbackAsync(IvrCallbackRequest request, CancellationToken cancellationToken = default)
    {
        _callbacks.Enqueue(request);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SaveVoicemailAsync(IvrVoicemailMessage message, CancellationToken cancellationToken = default)
    {
        _voicemails.Enqueue(message);
        return Task.CompletedTask;
    }
}
