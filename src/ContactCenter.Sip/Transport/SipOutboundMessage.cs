namespace ContactCenter.Sip.Transport;

/// <summary>Bytes queued on a stream connection and who to tell when they cannot be written.</summary>
/// <param name="Bytes">The serialized message (or a keep-alive).</param>
/// <param name="OnFailure">Called once, on the thread pool, when the bytes are never written; null for nobody.</param>
internal readonly record struct SipOutboundMessage(byte[] Bytes, Action? OnFailure)
{
    /// <summary>Tells the sender, off the caller's thread: the caller may hold locks (a transaction's) or be a
    /// connection's loop.</summary>
    public void Fail()
    {
        if (OnFailure is { } onFailure)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static callback => callback(), onFailure, preferLocal: false);
        }
    }
}
