using ContactCenter.Sip.Sdp;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Sip.Tests.Sdp;

/// <summary>Mutated descriptions never throw out of the parser or offer/answer, and whatever parses re-serializes
/// stably.</summary>
public sealed class SdpProperties
{
    private const string Alphabet = "v=o-sctma:/ 0123456789\r\nINP4RTAVPCMUrtpmap.\0";

    [Fact]
    public void Mutated_descriptions_never_throw_and_round_trip()
    {
        var local = new SdpLocalAudio { Address = "198.51.100.4", Port = 20000 };
        var seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(seeds, seed =>
        {
            var random = new Random(seed);
            var text = new System.Text.StringBuilder(SdpParserTests.Offer);
            for (var i = 0; i < 1 + random.Next(4); i++)
            {
                var at = random.Next(text.Length);
                if (random.Next(2) == 0)
                {
                    text[at] = Alphabet[random.Next(Alphabet.Length)];
                }
                else
                {
                    text.Remove(at, Math.Min(text.Length - at, random.Next(12)));
                }
            }
            if (!SdpParser.TryParse(text.ToString(), out var session, out _))
            {
                return true;
            }
            var once = session.ToString();
            Assert.True(SdpParser.TryParse(once, out var again, out var error), $"seed {seed}: {error}\n{once}");
            Assert.Equal(once, again.ToString());
            var answer = SdpOfferAnswer.CreateAnswer(session, local);
            Assert.Equal(session.Media.Count, answer.Answer.Media.Count);
            Assert.True(SdpParser.TryParse(answer.Answer.ToString(), out _, out _));
            _ = SdpOfferAnswer.ProcessAnswer(session, answer.Answer);
            return true;
        }));
    }
}
