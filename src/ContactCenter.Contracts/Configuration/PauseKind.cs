namespace ContactCenter.Contracts.Configuration;

/// <summary>Whether a pause is work (training, back office) or private (break); reports tell them apart.</summary>
public enum PauseKind
{
    /// <summary>Work-related pause.</summary>
    Work,

    /// <summary>Private pause.</summary>
    Private,
}
