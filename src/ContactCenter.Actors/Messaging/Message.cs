using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Messaging;

/// <summary>A frame between processes. Local calls never build one.</summary>
internal sealed class Message
{
    public MessageKind Kind { get; init; }

    public long CallId { get; init; }

    /// <summary>Handshake: the sender's address.</summary>
    public SiloAddress? Sender { get; init; }

    public GrainId? TargetGrain { get; init; }

    public ObserverId? TargetObserver { get; init; }

    public GrainMethod? Method { get; init; }

    public object?[]? Arguments { get; init; }

    public bool OneWay { get; init; }

    /// <summary>How often the request was forwarded because the grain had moved.</summary>
    public int Hops { get; init; }

    public ResponseStatus Status { get; init; }

    public object? Value { get; init; }

    public ExceptionInfo? Exception { get; init; }

    /// <summary>Response: where the grain lives now, when known. Handshake: the address the dialer meant to reach (a
    /// restarted process on the same port is another generation and refuses the connection).</summary>
    public SiloAddress? MovedTo { get; init; }

    public override string ToString() => Kind switch
    {
        MessageKind.Request => $"request #{CallId} {Method?.DisplayName} to {(object?)TargetGrain ?? TargetObserver}",
        MessageKind.Response => $"response #{CallId} {Status}",
        _ => $"{Kind} #{CallId}",
    };
}
