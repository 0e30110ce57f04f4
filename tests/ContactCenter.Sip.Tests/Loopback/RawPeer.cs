using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Loopback;

/// <summary>Hand-written wire traffic towards a stack: a UDP socket and TCP connections that send raw bytes and read
/// what comes back, with a bounded wait.</summary>
internal static class RawPeer
{
    public static string Options(int viaPort, string transport = "UDP", string branch = "z9hG4bKraw1", string callId = "raw-1") =>
        $"OPTIONS sip:ivr@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/{transport} 127.0.0.1:{viaPort};branch={branch};rport\r\nMax-Forwards: 70\r\n" +
        $"To: <sip:ivr@127.0.0.1>\r\nFrom: <sip:raw@127.0.0.1>;tag=r1\r\nCall-ID: {callId}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    public static IPEndPoint Address(SipEndPoint endPoint) => new(IPAddress.Parse(endPoint.Host), endPoint.Port);

    public static async Task<SipMessage> ReceiveAsync(UdpClient client, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(LoopbackStacks.Patience);
        var datagram = await client.ReceiveAsync(timeout.Token);
        var result = SipMessageParser.Parse(datagram.Buffer);
        Assert.True(result.IsSuccess, $"the stack sent something that does not parse: {result}");
        return result.Message!;
    }

    /// <summary>Reads until <paramref name="count"/> bytes or end of stream; returns what came.</summary>
    public static async Task<byte[]> ReadAsync(Stream stream, int count, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(LoopbackStacks.Patience);
        var buffer = new byte[count];
        var total = 0;
        while (total < count)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), timeout.Token);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return buffer[..total];
    }

    /// <summary>Reads one response without body (headers up to the empty line).</summary>
    public static async Task<SipResponse> ReadResponseAsync(Stream stream, CancellationToken ct) =>
        SipText.Parse<SipResponse>(await ReadHeadersAsync(stream, ct));

    /// <summary>Reads one request without body (headers up to the empty line).</summary>
    public static async Task<SipRequest> ReadRequestAsync(Stream stream, CancellationToken ct) =>
        SipText.Parse<SipRequest>(await ReadHeadersAsync(stream, ct));

    private static async Task<string> ReadHeadersAsync(Stream stream, CancellationToken ct)
    {
        var text = new StringBuilder();
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var one = await ReadAsync(stream, 1, ct);
            Assert.True(one.Length == 1, $"the connection closed after: {text}");
            text.Append((char)one[0]);
        }
        return text.ToString();
    }

    /// <summary>Whether the peer closed the connection (end of stream or reset) within the patience.</summary>
    public static async Task<bool> IsClosedAsync(Stream stream, CancellationToken ct)
    {
        try
        {
            return (await ReadAsync(stream, 1, ct)).Length == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
