using System.IO.Pipelines;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace ContactCenter.TestSupport;

/// <summary>A SignalR client connection over one WebSocket: bytes the client writes go out as text messages, messages
/// that arrive are appended to what it reads.</summary>
public sealed class WebSocketConnection : ConnectionContext
{
    private readonly WebSocket _socket;
    private readonly Pipe _incoming = new();
    private readonly Pipe _outgoing = new();
    private readonly CancellationTokenSource _closed = new();
    private readonly Task _receiving;
    private readonly Task _sending;

    public WebSocketConnection(WebSocket socket)
    {
        _socket = socket;
        Transport = new DuplexPipe(_incoming.Reader, _outgoing.Writer);
        _receiving = ReceiveAsync();
        _sending = SendAsync();
    }

    public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");

    public override IFeatureCollection Features { get; } = new FeatureCollection();

    public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

    public override IDuplexPipe Transport { get; set; }

    public override async ValueTask DisposeAsync()
    {
        await _closed.CancelAsync();
        await _outgoing.Writer.CompleteAsync();
        try
        {
            await Task.WhenAll(_receiving, _sending);
        }
        catch (OperationCanceledException)
        {
        }
        _socket.Dispose();
        _closed.Dispose();
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (!_closed.IsCancellationRequested)
            {
                var memory = _incoming.Writer.GetMemory(4096);
                var result = await _socket.ReceiveAsync(memory, _closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                _incoming.Writer.Advance(result.Count);
                await _incoming.Writer.FlushAsync(_closed.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await _incoming.Writer.CompleteAsync();
        }
    }

    private async Task SendAsync()
    {
        try
        {
            while (true)
            {
                var read = await _outgoing.Reader.ReadAsync(_closed.Token);
                foreach (var segment in read.Buffer)
                {
                    await _socket.SendAsync(segment, WebSocketMessageType.Text, endOfMessage: true, _closed.Token);
                }
                _outgoing.Reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await _outgoing.Reader.CompleteAsync();
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
