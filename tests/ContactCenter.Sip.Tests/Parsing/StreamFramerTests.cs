using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Sip.Tests.Parsing;

public sealed class StreamFramerTests
{
    private static readonly byte[] Stream = SipText.Bytes(SipText.Invite + "\r\n\r\n" + SipText.Ok + "\r\n" + SipCorpus.Messages[4]);

    [Fact]
    public void Messages_split_at_every_byte_offset_reassemble()
    {
        for (var split = 0; split <= Stream.Length; split++)
        {
            var framer = new SipStreamFramer();
            var frames = new List<(SipFrameKind, byte[])>();
            framer.Append(Stream.AsSpan(0, split));
            Drain(framer, frames);
            framer.Append(Stream.AsSpan(split));
            Drain(framer, frames);

            var messages = frames.Where(f => f.Item1 == SipFrameKind.Message).Select(f => f.Item2).ToList();
            Assert.True(messages.Count == 3, $"split at {split}: {messages.Count} messages");
            Assert.Equal(SipText.Bytes(SipText.Invite), messages[0]);
            Assert.Equal(SipText.Bytes(SipText.Ok), messages[1]);
            Assert.Equal(SipText.Bytes(SipCorpus.Messages[4]), messages[2]);
            Assert.DoesNotContain(frames, f => f.Item1 == SipFrameKind.Error);
            Assert.Equal(0, framer.BufferedBytes);
        }
    }

    [Fact]
    public void One_read_with_everything_gives_messages_ping_and_pong_in_order()
    {
        var framer = new SipStreamFramer();
        framer.Append(Stream);
        var frames = new List<(SipFrameKind, byte[])>();
        Drain(framer, frames);

        Assert.Equal(
            [SipFrameKind.Message, SipFrameKind.Ping, SipFrameKind.Message, SipFrameKind.Pong, SipFrameKind.Message],
            frames.Select(f => f.Item1).ToArray());
        Assert.Equal(149, ((SipRequest)SipMessageParser.Parse(frames[0].Item2).Message!).Body.Length);
    }

    [Fact]
    public void Random_chunking_never_changes_the_messages()
    {
        var seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(seeds, seed =>
        {
            var random = new Random(seed);
            var framer = new SipStreamFramer();
            var frames = new List<(SipFrameKind, byte[])>();
            for (var at = 0; at < Stream.Length;)
            {
                var length = Math.Min(Stream.Length - at, 1 + random.Next(200));
                framer.Append(Stream.AsSpan(at, length));
                at += length;
                Drain(framer, frames);
            }
            return frames.Count(f => f.Item1 == SipFrameKind.Message) == 3 && frames.All(f => f.Item1 != SipFrameKind.Error);
        }));
    }

    [Fact]
    public void Garbage_streams_never_throw_and_never_buffer_past_the_limit()
    {
        var seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(seeds, seed =>
        {
            var random = new Random(seed);
            var options = new SipParserOptions { MaxMessageSize = 2048 };
            var framer = new SipStreamFramer(options);
            var pieces = new[] { "\r\n", "\r\n\r\n", "\n", "\r", "Content-Length: ", "l: 99\r\n", "7", "-1", "X: y\r\n", SipText.Ok, "\0" };
            for (var i = 0; i < 200; i++)
            {
                var chunk = random.Next(4) == 0 ? new byte[random.Next(64)] : SipText.Bytes(pieces[random.Next(pieces.Length)]);
                if (chunk.Length > 0 && random.Next(4) == 0)
                {
                    random.NextBytes(chunk);
                }
                framer.Append(chunk);
                while (framer.TryRead(out var frame))
                {
                    if (frame.Kind == SipFrameKind.Message)
                    {
                        _ = SipMessageParser.Parse(frame.Data.Span, options);
                    }
                }
                if (framer.BufferedBytes > options.MaxMessageSize + chunk.Length)
                {
                    return false;
                }
            }
            return true;
        }));
    }

    [Fact]
    public void Missing_content_length_means_no_body_on_a_stream()
    {
        var framer = new SipStreamFramer();
        framer.Append(SipText.Bytes("OPTIONS sip:a@example.com SIP/2.0\r\nCall-ID: x\r\n\r\nOPTIONS sip:b@example.com SIP/2.0\r\n\r\n"));
        var frames = new List<(SipFrameKind, byte[])>();
        Drain(framer, frames);

        Assert.Equal(2, frames.Count);
        Assert.EndsWith("Call-ID: x\r\n\r\n", System.Text.Encoding.ASCII.GetString(frames[0].Item2), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OPTIONS sip:a@example.com SIP/2.0\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("OPTIONS sip:a@example.com SIP/2.0\r\nl: 12abc\r\n\r\n")]
    [InlineData("OPTIONS sip:a@example.com SIP/2.0\r\nContent-Length: 3\r\ncontent-length: 4\r\n\r\n")]
    [InlineData("OPTIONS sip:a@example.com SIP/2.0\r\nContent-Length: 70000\r\n\r\n")]
    public void Unframeable_streams_report_one_error_and_stop(string text)
    {
        var framer = new SipStreamFramer();
        framer.Append(SipText.Bytes(text + SipText.Ok));

        Assert.True(framer.TryRead(out var frame));
        Assert.Equal(SipFrameKind.Error, frame.Kind);
        Assert.False(string.IsNullOrEmpty(frame.Error));
        Assert.False(framer.TryRead(out _));
        Assert.Equal(0, framer.BufferedBytes);
        framer.Append(SipText.Bytes(SipText.Ok));
        Assert.False(framer.TryRead(out _));
    }

    [Fact]
    public void Endless_headers_are_cut_off_at_the_size_limit()
    {
        var framer = new SipStreamFramer(new SipParserOptions { MaxMessageSize = 1024 });
        framer.Append(SipText.Bytes("OPTIONS sip:a@example.com SIP/2.0\r\n"));
        var line = SipText.Bytes("X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
        SipFrame frame = default;
        var reads = 0;
        while (!framer.TryRead(out frame))
        {
            framer.Append(line);
            Assert.True(++reads < 100, "the framer kept buffering past its limit");
        }

        Assert.Equal(SipFrameKind.Error, frame.Kind);
    }

    private static void Drain(SipStreamFramer framer, List<(SipFrameKind, byte[])> frames)
    {
        while (framer.TryRead(out var frame))
        {
            frames.Add((frame.Kind, frame.Data.ToArray()));
        }
    }
}
