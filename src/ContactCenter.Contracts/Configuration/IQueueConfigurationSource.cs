namespace ContactCenter.Contracts.Configuration;

/// <summary>Where the queue grain reads its configuration document. The document store implements it; a value read is
/// the current version of the document.</summary>
public interface IQueueConfigurationSource
{
    /// <summary>The queue's document, or null when there is none.</summary>
    Task<Queue?> GetQueueAsync(string queueId, CancellationToken cancellationToken = default);
}
