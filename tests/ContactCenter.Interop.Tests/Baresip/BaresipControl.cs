using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ContactCenter.Interop.Tests.Baresip;

/// <summary>A client of baresip's ctrl_tcp module: netstring-framed JSON (<c>len:{…},</c>) both ways; commands
/// <c>{"command":"dial","params":"sip:…","token":"n"}</c> get a response with the same token, and events
/// (registration, call progress) arrive in between.</summary>
internal sealed class BaresipControl : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<BaresipEvent> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _token;

    private BaresipControl(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>The events so far, oldest first.</summary>
    public IReadOnlyList<BaresipEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public string EventSummary => string.Join(", ", Events.Select(e => e.Parameter is null ? e.Type : $"{e.Type}({e.Parameter})"));

    /// <summary>Connects to ctrl_tcp on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<BaresipControl> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return new BaresipControl(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends a command and waits for its response; returns whether baresip said ok, and its data.</summary>
    public async Task<(bool Ok, string Data)> SendAsync(string command, string? parameters, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var token = Interlocked.Increment(ref _token).ToString(CultureInfo.InvariantCulture);
        var response = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[token] = response;
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?> { ["command"] = command, ["params"] = parameters, ["token"] = token });
        var frame = new byte[json.Length + 16];
        var header = Encoding.ASCII.GetBytes($"{json.Length}:");
        header.CopyTo(frame, 0);
        json.CopyTo(frame, header.Length);
        frame[header.Length + json.Length] = (byte)',';
        await _stream.WriteAsync(frame.AsMemory(0, header.Length + json.Length + 1), cancellationToken);
        var element = await response.Task.WaitAsync(timeout, cancellationToken);
        var ok = element.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
        var data = element.TryGetProperty("data", out var dataValue) ? dataValue.GetString() ?? "" : "";
        return (ok, data);
    }

    public bool HasEvent(string type) => Events.Any(e => e.Type == type);

    /// <summary>The SIP Call-ID of the call the first <paramref name="type"/> event is about (its <c>id</c>); null when
    /// there is none.</summary>
    public string? CallIdOf(string type)
    {
        if (Events.FirstOrDefault(e => e.Type == type) is not { } found)
        {
            return null;
        }
        using var document = JsonDocument.Parse(found.Json);
        return document.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The connection closes when baresip quits or is killed.
        }
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new List<byte>(4096);
        var chunk = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            var read = await _stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return;
            }
            buffer.AddRange(chunk.AsSpan(0, read));
            while (TryTakeFrame(buffer) is { } frame)
            {
                Dispatch(frame);
            }
        }
    }

    private static byte[]? TryTakeFrame(List<byte> buffer)
    {
        var colon = buffer.IndexOf((byte)':');
        if (colon < 0)
        {
            return null;
        }
        var length = int.Parse(Encoding.ASCII.GetString(buffer.GetRange(0, colon).ToArray()), CultureInfo.InvariantCulture);
        if (buffer.Count < colon + 1 + length + 1)
        {
            return null;
        }
        var frame = buffer.GetRange(colon + 1, length).ToArray();
        buffer.RemoveRange(0, colon + 1 + length + 1);
        return frame;
    }

    private void Dispatch(byte[] frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement.Clone();
        if (root.TryGetProperty("response", out _) && root.TryGetProperty("token", out var token) && token.GetString() is { } key
            && _pending.TryRemove(key, out var pending))
        {
            pending.TrySetResult(root);
        }
        else if (root.TryGetProperty("event", out _))
        {
            var type = root.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
            var parameter = root.TryGetProperty("param", out var p) ? p.GetString() : null;
            var peer = root.TryGetProperty("peeruri", out var u) ? u.GetString() : null;
            lock (_events)
            {
                _events.Add(new BaresipEvent(type, parameter, peer, Encoding.UTF8.GetString(frame)));
            }
        }
    }
}
