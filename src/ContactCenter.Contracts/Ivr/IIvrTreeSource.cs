namespace ContactCenter.Contracts.Ivr;

/// <summary>Where the call grain reads IVR trees. The document store implements it; a value read is the current version
/// of the document.</summary>
public interface IIvrTreeSource
{
    /// <summary>The tree's document, or null when there is none.</summary>
    Task<IvrTree?> GetIvrTreeAsync(string treeId, CancellationToken cancellationToken = default);
}
