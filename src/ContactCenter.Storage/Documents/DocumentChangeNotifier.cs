using Microsoft.Extensions.Logging;

namespace ContactCenter.Storage.Documents;

/// <summary>Raises a store's <see cref="IDocumentStore.Changed"/> event: every handler is called even when one throws,
/// because the write it reports is already committed.</summary>
internal sealed partial class DocumentChangeNotifier(ILogger logger)
{
    public event EventHandler<DocumentChange>? Changed;

    public void Raise(object sender, DocumentChange change)
    {
        if (Changed is not { } handlers)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<DocumentChange>>())
        {
            try
            {
                handler(sender, change);
            }
            catch (Exception error)
            {
                LogErrorHandlerFailed(logger, error, change.Kind, change.Id, change.Version);
            }
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error,
        Message = "A document change handler failed for {Kind} '{Id}' version {Version}")]
    private static partial void LogErrorHandlerFailed(ILogger logger, Exception error, DocumentKind kind, string id, long version);
}
