namespace ContactCenter.Actors.Messaging;

internal enum MessageKind
{
    /// <summary>First frame on a connection, both ways: who is speaking.</summary>
    Handshake = 0,
    Request = 1,
    Response = 2,

    /// <summary>The caller's cancellation token fired; the callee cancels the token it passed to the method.</summary>
    Cancel = 3,
}
