using System.Net.Sockets;
using ContactCenter.Actors.Tests.Grains;

namespace ContactCenter.Actors.Tests.Messaging;

/// <summary>Whatever arrives on the silo port, the silo keeps serving.</summary>
public sealed class TransportRobustnessTests(MessagingFixture fixture) : IClassFixture<MessagingFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task SendRawAsync(byte[] bytes)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(fixture.Silo.Address.Host, fixture.Silo.Address.Port, Cancel);
        await socket.SendAsync(bytes, SocketFlags.None, Cancel);
        // End of input: a silo waiting for the rest of a frame sees the stream end.
        socket.Shutdown(SocketShutdown.Send);
        var buffer = new byte[16];
        // The silo closes the connection (0 bytes) or resets it; either way it never answers garbage.
        try
        {
            Assert.Equal(0, await socket.ReceiveAsync(buffer, SocketFlags.None, Cancel));
        }
        catch (SocketException)
        {
            // A reset is as good as a close.
        }
    }

    private static byte[] Frame(string json)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(json);
        return [.. BitConverter.GetBytes(body.Length), .. body];
    }

    [Fact]
    public async Task Http_text_an_oversized_frame_and_a_request_without_handshake_close_the_connection_and_nothing_else()
    {
        await SendRawAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
        await SendRawAsync([.. BitConverter.GetBytes(int.MaxValue), 1, 2, 3]);
        await SendRawAsync([.. Frame("garbage"), .. Frame("{\"k\":2,\"id\":1,\"s\":0}")]);
        await SendRawAsync(Frame($$"""{"k":0,"id":0,"from":"127.0.0.1:1@1","to":"127.0.0.1:1@999"}"""));

        var counter = fixture.Cluster.Client.GetGrain<ICounterGrain>(Guid.NewGuid().ToString("N"));
        Assert.Equal(1, await counter.Increment());
    }

    [Fact]
    public async Task Random_frames_never_take_the_silo_down()
    {
        var random = new Random(1234);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(1, 200)];
            random.NextBytes(bytes);
            await SendRawAsync(i % 2 == 0 ? bytes : Frame(System.Text.Encoding.Latin1.GetString(bytes)));
        }
        var counter = fixture.Cluster.Client.GetGrain<ICounterGrain>(Guid.NewGuid().ToString("N"));
        Assert.Equal(1, await counter.Increment());
    }
}
