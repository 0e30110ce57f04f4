using System.Threading.Channels;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip.Transport;

/// <summary>One TCP or TLS connection: a read loop that frames the stream (<see cref="SipStreamFramer"/>), hands
/// messages to the receiver and answers CRLF pings with a pong (RFC 5626 §3.5.1), and a write loop draining a bounded
/// queue so senders never block. Any failure closes this connection only.</summary>
internal sealed partial class SipStreamConnection
{
    private static readonly byte[] Pong = "\r\n"u8.ToArray();

    private readonly SipStreamChannel _owner;
    private readonly Channel<SipOutboundMessage> _outbound;
    private readonly CancellationTokenSource _closing;
    private long _lastActivity;

    public SipStreamConnection(SipStreamChannel owner, SipEndPoint remote, int queueLimit, CancellationToken stopping)
    {
        _owner = owner;
        Remote = remote;
        _outbound = Channel.CreateBounded<SipOutboundMessage>(new BoundedChannelOptions(queueLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _closing = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Touch();
    }

    /// <summary>The peer; the key under which the channel finds this connection for responses (§18.2.2).</summary>
    public SipEndPoint Remote { get; }

    public long LastActivity => Interlocked.Read(ref _lastActivity);

    /// <summary>Whether the connection is closing (or closed): new messages need a new connection.</summary>
    public bool IsClosing => _closing.IsCancellationRequested;

    /// <summary>Queues bytes; false when the queue is full or the connection is closing. When the bytes are queued but
    /// never written (the connect fails, the connection is lost), <paramref name="onFailure"/> is called once.</summary>
    public bool Enqueue(byte[] bytes, Action? onFailure = null) =>
        !_closing.IsCancellationRequested && _outbound.Writer.TryWrite(new SipOutboundMessage(bytes, onFailure));

    public void Close()
    {
        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }

    /// <summary>Opens the stream (connect or accept, plus TLS), then reads and writes until either side fails or the
    /// connection is closed. Never throws.</summary>
    public async Task RunAsync(Func<CancellationToken, Task<Stream>> open, SipReceiver receiver)
    {
        Stream? stream = null;
        var cancellation = _closing.Token;
        try
        {
            stream = await open(cancellation);
            Touch();
            var writing = WriteLoopAsync(stream, cancellation);
            await ReadLoopAsync(stream, receiver, cancellation);
            Close();
            await writing;
        }
        catch (Exception exception) when (cancellation.IsCancellationRequested || exception is IOException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException or ObjectDisposedException or OperationCanceledException or TimeoutException)
        {
            if (!cancellation.IsCancellationRequested)
            {
                _owner.CountError(exception is System.Security.Authentication.AuthenticationException ? "tls" : "io");
                LogConnectionFailed(_owner.Logger, Remote, exception.Message);
            }
        }
        catch (Exception exception)
        {
            _owner.CountError("unexpected");
            LogConnectionCrashed(_owner.Logger, Remote, exception);
        }
        finally
        {
            Close();
            _outbound.Writer.TryComplete();
            // §17.1.1.2/§17.1.2.2: whatever was queued and not written is a transport failure for its sender.
            while (_outbound.Reader.TryRead(out var unsent))
            {
                unsent.Fail();
            }
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
            _closing.Dispose();
            _owner.Remove(this);
        }
    }

    private async Task ReadLoopAsync(Stream stream, SipReceiver receiver, CancellationToken cancellation)
    {
        var framer = new SipStreamFramer(_owner.ParserOptions);
        var buffer = new byte[8192];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellation);
            if (read == 0)
            {
                return;
            }
            Touch();
            framer.Append(buffer.AsSpan(0, read));
            while (framer.TryRead(out var frame))
            {
                switch (frame.Kind)
                {
                    case SipFrameKind.Message:
                        Deliver(receiver, frame.Data.Span);
                        break;
                    case SipFrameKind.Ping:
                        _owner.Metrics.KeepAlivePings.Add(1);
                        Enqueue(Pong);
                        break;
                    case SipFrameKind.Pong:
                        break;
                    default:
                        // §18.3: a stream that cannot be framed any more cannot be resynchronised; drop the connection.
                        _owner.Metrics.MalformedMessages.Add(1, new KeyValuePair<string, object?>("error", "Framing"));
                        LogFramingFailed(_owner.Logger, Remote, frame.Error);
                        return;
                }
            }
        }
    }

    private void Deliver(SipReceiver receiver, ReadOnlySpan<byte> message)
    {
        try
        {
            receiver.Receive(message, Remote);
        }
        catch (Exception exception)
        {
            _owner.Metrics.HandlerFailures.Add(1);
            LogHandlerFailed(_owner.Logger, Remote, exception);
        }
    }

    private async Task WriteLoopAsync(Stream stream, CancellationToken cancellation)
    {
        SipOutboundMessage writing = default;
        try
        {
            while (await _outbound.Reader.WaitToReadAsync(cancellation))
            {
                while (_outbound.Reader.TryRead(out var message))
                {
                    writing = message;
                    await stream.WriteAsync(message.Bytes, cancellation);
                    writing = default;
                    Touch();
                }
                await stream.FlushAsync(cancellation);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            if (!cancellation.IsCancellationRequested)
            {
                _owner.CountError("send");
                LogConnectionFailed(_owner.Logger, Remote, exception.Message);
            }
            writing.Fail();
            Close();
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, _owner.Time.GetTimestamp());

    [LoggerMessage(5014, LogLevel.Debug, "SIP: connection with {Remote} failed: {Reason}")]
    private static partial void LogConnectionFailed(ILogger logger, SipEndPoint remote, string reason);

    [LoggerMessage(5015, LogLevel.Error, "SIP: connection with {Remote} failed unexpectedly")]
    private static partial void LogConnectionCrashed(ILogger logger, SipEndPoint remote, Exception exception);

    [LoggerMessage(5016, LogLevel.Information, "SIP: closing the connection with {Remote}: the stream cannot be framed ({Reason})")]
    private static partial void LogFramingFailed(ILogger logger, SipEndPoint remote, string? reason);

    [LoggerMessage(5017, LogLevel.Error, "SIP: handling a message from {Remote} failed")]
    private static partial void LogHandlerFailed(ILogger logger, SipEndPoint remote, Exception exception);
}
