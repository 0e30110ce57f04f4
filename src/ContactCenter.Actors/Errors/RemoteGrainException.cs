namespace ContactCenter.Actors;

/// <summary>An exception thrown in another process whose type is not available here.</summary>
public sealed class RemoteGrainException : Exception
{
    public RemoteGrainException(string remoteType, string message, string? remoteStackTrace)
        : base($"{remoteType}: {message}")
    {
        RemoteType = remoteType;
        RemoteStackTrace = remoteStackTrace;
    }

    public string RemoteType { get; }

    public string? RemoteStackTrace { get; }
}
