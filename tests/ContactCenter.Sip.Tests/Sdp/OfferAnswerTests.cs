using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.Tests.Sdp;

public sealed class OfferAnswerTests
{
    private static readonly SdpLocalAudio Local = new() { Address = "198.51.100.4", Port = 20000, SessionId = "77", SessionVersion = "1" };

    private static SdpSession Parse(string text) =>
        SdpParser.TryParse(text, out var session, out var error) ? session : throw new InvalidOperationException(error);

    [Fact]
    public void Offer_lists_codecs_dtmf_ptime_and_direction()
    {
        var offer = SdpOfferAnswer.CreateOffer(Local);

        Assert.Equal(
            "v=0\r\no=- 77 1 IN IP4 198.51.100.4\r\ns=-\r\nc=IN IP4 198.51.100.4\r\nt=0 0\r\n" +
            "m=audio 20000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n",
            offer.ToString());
    }

    [Fact]
    public void Answer_takes_the_offerers_first_supported_codec_and_its_dtmf_type_and_rejects_video()
    {
        var result = SdpOfferAnswer.CreateAnswer(Parse(SdpParserTests.Offer), Local);

        var audio = Assert.IsType<SdpNegotiatedAudio>(result.Audio);
        Assert.Equal(SdpCodec.Pcma, audio.Codec);
        Assert.Equal(96, audio.TelephoneEventPayloadType);
        Assert.Equal(("203.0.113.5", 30000, 30), (audio.RemoteAddress, audio.RemotePort, audio.Ptime));
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.True(audio.Sends && audio.Receives);
        Assert.Equal(
            "v=0\r\no=- 77 1 IN IP4 198.51.100.4\r\ns=-\r\nc=IN IP4 198.51.100.4\r\nt=0 0\r\n" +
            "m=audio 20000 RTP/AVP 8 96\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-16\r\n" +
            "a=ptime:20\r\na=sendrecv\r\nm=video 0 RTP/AVP 99\r\n",
            result.Answer.ToString());
    }

    [Theory]
    [InlineData("sendrecv", "0.0.0.0", "recvonly")]
    [InlineData("sendonly", "203.0.113.9", "recvonly")]
    [InlineData("recvonly", "203.0.113.9", "sendonly")]
    [InlineData("inactive", "203.0.113.9", "inactive")]
    [InlineData("sendrecv", "203.0.113.9", "sendrecv")]
    public void Hold_offers_get_the_matching_answer_direction(string offered, string address, string answered)
    {
        var offer = Parse($"v=0\r\no=- 1 2 IN IP4 203.0.113.9\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\nm=audio 5004 RTP/AVP 0\r\na={offered}\r\n");

        var result = SdpOfferAnswer.CreateAnswer(offer, Local);

        Assert.Equal(answered, result.Answer.Media[0].Attributes[^1].Name);
        Assert.Equal(address == "0.0.0.0" ? null : address, result.Audio!.RemoteAddress);
        Assert.Equal(answered == "sendrecv" || answered == "sendonly", result.Audio.Sends);
        Assert.Null(result.Audio.TelephoneEventPayloadType);
        Assert.Equal(SdpCodec.Pcmu, result.Audio.Codec);
    }

    [Fact]
    public void Our_hold_offer_answered_recvonly_means_we_only_send()
    {
        var offer = SdpOfferAnswer.CreateOffer(Local with { Direction = SdpDirection.SendOnly });
        var answer = SdpOfferAnswer.CreateAnswer(offer, new SdpLocalAudio { Address = "203.0.113.9", Port = 6000 });

        Assert.Equal(SdpDirection.RecvOnly, answer.Answer.DirectionOf(answer.Answer.Media[0]));
        var audio = SdpOfferAnswer.ProcessAnswer(offer, answer.Answer)!;
        Assert.Equal(SdpDirection.SendOnly, audio.Direction);
        Assert.Equal(("203.0.113.9", 6000), (audio.RemoteAddress, audio.RemotePort));
        Assert.Equal(101, audio.TelephoneEventPayloadType);
        Assert.Equal(SdpCodec.Pcmu, audio.Codec);
    }

    [Fact]
    public void Nothing_acceptable_gives_no_audio_and_all_streams_rejected()
    {
        var offer = Parse(
            "v=0\r\no=- 1 2 IN IP4 203.0.113.9\r\ns=-\r\nc=IN IP4 203.0.113.9\r\nt=0 0\r\n" +
            "m=audio 5004 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n" +
            "m=audio 5006 RTP/SAVP 0\r\n" +
            "m=audio 0 RTP/AVP 0\r\n");

        var result = SdpOfferAnswer.CreateAnswer(offer, Local);

        Assert.Null(result.Audio);
        Assert.All(result.Answer.Media, m => Assert.Equal(0, m.Port));
        Assert.Equal(3, result.Answer.Media.Count);
        Assert.Equal("RTP/SAVP", result.Answer.Media[1].Protocol);
    }

    [Fact]
    public void Rejected_answer_and_unknown_codecs_give_no_audio()
    {
        var offer = SdpOfferAnswer.CreateOffer(Local);
        var rejected = Parse("v=0\r\no=- 1 1 IN IP4 203.0.113.9\r\ns=-\r\nc=IN IP4 203.0.113.9\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n");
        var foreign = Parse("v=0\r\no=- 1 1 IN IP4 203.0.113.9\r\ns=-\r\nc=IN IP4 203.0.113.9\r\nt=0 0\r\nm=audio 7000 RTP/AVP 9\r\n");

        Assert.Null(SdpOfferAnswer.ProcessAnswer(offer, rejected));
        Assert.Null(SdpOfferAnswer.ProcessAnswer(offer, foreign));
    }
}
