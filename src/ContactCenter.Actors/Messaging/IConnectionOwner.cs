namespace ContactCenter.Actors.Messaging;

internal interface IConnectionOwner
{
    /// <summary>A decoded frame. False closes the connection (a bad handshake).</summary>
    bool OnReceived(Connection connection, Message message);

    void OnUndecodable(Connection connection, MessageDecodeException exception);

    void OnUnencodable(Connection connection, Message message, Exception exception);

    void OnClosed(Connection connection, Exception? reason);
}
