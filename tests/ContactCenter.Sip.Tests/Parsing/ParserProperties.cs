using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Sip.Tests.Parsing;

/// <summary>Random mutations of valid messages: the parser never throws, whatever parses re-serializes stably, and
/// every response the stack builds (error responses included) parses again.</summary>
public sealed class ParserProperties
{
    private static readonly byte[] Interesting = "\r\n\0 \t:;,\"<>@[]%\\=/?\u00ff0123456789"u8.ToArray();

    private static Config Runs(int count) => Config.QuickThrowOnFailure.WithMaxTest(count);

    [Fact]
    public void Mutated_messages_never_throw_and_what_parses_round_trips()
    {
        var seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();
        Check.One(Runs(4000), Prop.ForAll(seeds, seed =>
        {
            var random = new Random(seed);
            var bytes = Mutate(SipText.Bytes(SipCorpus.Messages[random.Next(SipCorpus.Messages.Length)]), random);
            SipParseResult result;
            try
            {
                result = SipMessageParser.Parse(bytes);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"seed {seed}: parser threw on {Convert.ToBase64String(bytes)}", exception);
            }
            if (result.IsSuccess)
            {
                AssertStable(result.Message!, seed);
                if (result.Message is SipRequest request && request.Method != SipMethods.Ack)
                {
                    AssertReparses(SipResponseFactory.CreateResponse(request, 100 + random.Next(600)), seed);
                }
            }
            else if (result.CreateErrorResponse("ivr.example.com") is { } error)
            {
                AssertReparses(error, seed);
            }
            else
            {
                Assert.False(result.CanRespond);
            }
            return true;
        }));
    }

    [Fact]
    public void Corpus_messages_parse_and_round_trip_exactly_once_canonical()
    {
        foreach (var text in SipCorpus.Messages)
        {
            var result = SipText.ParseText(text);
            Assert.True(result.IsSuccess, result.ToString());
            AssertStable(result.Message!, 0);
        }
    }

    /// <summary>serialize(parse(x)) parses again into the same model and the same bytes.</summary>
    private static void AssertStable(SipMessage message, int seed)
    {
        var first = SipMessageSerializer.Serialize(message);
        var again = SipMessageParser.Parse(first);
        Assert.True(again.IsSuccess, $"seed {seed}: re-parse failed: {again}\n{SipText.Serialize(message)}");
        var second = again.Message!;
        Assert.Equal(first, SipMessageSerializer.Serialize(second));
        // The serializer states Content-Length from the body, so that header may be added; everything else is equal.
        Assert.Equal(WithoutLength(message), WithoutLength(second));
        Assert.Equal(message.Body.ToArray(), second.Body.ToArray());
        Assert.Equal(message.CSeq, second.CSeq);
        Assert.Equal(message.From, second.From);
        Assert.Equal(message.To, second.To);
        Assert.Equal(message.TopVia!.ToString(), second.TopVia!.ToString());
        if (message is SipRequest request)
        {
            Assert.Equal(request.RequestUri, ((SipRequest)second).RequestUri);
        }
    }

    private static SipHeader[] WithoutLength(SipMessage message) =>
        [.. message.Headers.Where(h => h.Name != SipHeaderNames.ContentLength)];

    private static void AssertReparses(SipResponse response, int seed)
    {
        var result = SipMessageParser.Parse(SipMessageSerializer.Serialize(response));
        Assert.True(result.IsSuccess, $"seed {seed}: generated response does not parse: {result}\n{SipText.Serialize(response)}");
        var parsed = (SipResponse)result.Message!;
        Assert.Equal(response.StatusCode, parsed.StatusCode);
        Assert.Equal(response.CallId, parsed.CallId);
        Assert.Equal(response.Vias!.Count, parsed.Vias!.Count);
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var count = 1 + random.Next(4);
        for (var i = 0; i < count && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(8)));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(40));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 5:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                default:
                    bytes.InsertRange(at, "\r\n "u8.ToArray());
                    break;
            }
        }
        return [.. bytes];
    }
}
