using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ContactCenter.Actors.Messaging;

/// <summary>One TCP connection between two runtime processes, multiplexing every call in both directions. Frames are
/// queued by any thread and written by one writer loop that batches them before flushing.</summary>
internal sealed class Connection
{
    private readonly Socket _socket;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly Channel<Message> _outbox =
        Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });
    private readonly MessageCodec _codec;
    private readonly IConnectionOwner _owner;
    private Task _writer = Task.CompletedTask;
    private int _closed;

    public Connection(Socket socket, MessageCodec codec, IConnectionOwner owner, SiloAddress? peer)
    {
        _socket = socket;
        _codec = codec;
        _owner = owner;
        Peer = peer;
        var stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(stream);
        _output = PipeWriter.Create(stream);
    }

    /// <summary>The process at the other end; for accepted connections known after its handshake.</summary>
    public SiloAddress? Peer { get; private set; }

    public bool IsOpen => Volatile.Read(ref _closed) == 0;

    public void Start()
    {
        _ = Task.Run(ReadLoopAsync);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues a frame. False when the connection is already closed.</summary>
    public bool Send(Message message) => IsOpen && _outbox.Writer.TryWrite(message);

    /// <summary>Sends what is queued (answers to the last requests), then closes.</summary>
    public async Task CloseAsync(TimeSpan timeout, TimeProvider time)
    {
        _outbox.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(timeout, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Close anyway: the peer stopped reading.
        }
        Abort(new ObjectDisposedException("the process is stopping"));
    }

    /// <summary>Closes at once, without flushing (a killed process, a refused handshake).</summary>
    public void Abort(Exception? reason = null)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        _outbox.Writer.TryComplete();
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
            _socket.Close(0);
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }
        _owner.OnClosed(this, reason);
    }

    public override string ToString() => Peer?.ToString() ?? _socket.RemoteEndPoint?.ToString() ?? "unknown peer";

    internal void SetPeer(SiloAddress peer) => Peer = peer;

    private async Task ReadLoopAsync()
    {
        Exception? reason = null;
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadFrame(ref buffer, out var payload))
                {
                    Message message;
                    try
                    {
                        message = _codec.Decode(payload);
                    }
                    catch (MessageDecodeException exception)
                    {
                        _owner.OnUndecodable(this, exception);
                        continue;
                    }
                    if (!_owner.OnReceived(this, message))
                    {
                        Abort();
                        return;
                    }
                }
                _input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException
                                              or InvalidDataException or OperationCanceledException)
        {
            reason = exception;
        }
        Abort(reason);
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        if (buffer.Length < 4)
        {
            return false;
        }
        Span<byte> header = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(header);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length <= 0 || length > MessageCodec.MaxFrameBytes)
        {
            throw new InvalidDataException($"frame length {length} is outside 1..{MessageCodec.MaxFrameBytes}");
        }
        if (buffer.Length < 4 + length)
        {
            return false;
        }
        payload = buffer.Slice(4, length);
        buffer = buffer.Slice(4 + length);
        return true;
    }

    private async Task WriteLoopAsync()
    {
        var scratch = new ArrayBufferWriter<byte>(4096);
        var reader = _outbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    try
                    {
                        _codec.Encode(message, scratch);
                    }
                    catch (Exception exception)
                    {
                        _owner.OnUnencodable(this, message, exception);
                        continue;
                    }
                    _output.Write(scratch.WrittenSpan);
                }
                var flush = await _output.FlushAsync().ConfigureAwait(false);
                if (flush.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException
                                              or InvalidOperationException or OperationCanceledException)
        {
            Abort(exception);
        }
    }
}
