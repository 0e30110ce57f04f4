namespace ContactCenter.Actors.Messaging;

/// <summary>A frame that could not be decoded. When the call id was read, the caller can be told.</summary>
internal sealed class MessageDecodeException(string message, long? callId, bool isRequest, Exception? inner = null)
    : Exception(message, inner)
{
    public long? CallId { get; } = callId;

    public bool IsRequest { get; } = isRequest;
}
