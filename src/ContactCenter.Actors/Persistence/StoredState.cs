namespace ContactCenter.Actors;

/// <summary>A state document as stored: JSON (null when absent or cleared) and its version (0 when never written).</summary>
public sealed record StoredState(string? Json, long Version)
{
    public static readonly StoredState None = new(null, 0);
}
