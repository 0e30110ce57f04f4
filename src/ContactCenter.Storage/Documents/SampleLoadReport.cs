namespace ContactCenter.Storage.Documents;

/// <summary>What <see cref="SampleConfiguration.LoadAsync"/> did.</summary>
public sealed class SampleLoadReport
{
    /// <summary>Documents created.</summary>
    public int Created { get; set; }

    /// <summary>Documents the store held already, left as they were.</summary>
    public int Kept { get; set; }

    /// <summary>Files that did not parse and documents that did not validate, each with its file and position.</summary>
    public List<string> Errors { get; } = [];
}
