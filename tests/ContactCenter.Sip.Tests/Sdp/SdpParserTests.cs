using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.Tests.Sdp;

public sealed class SdpParserTests
{
    public const string Offer =
        "v=0\r\n" +
        "o=carrier 1234567890123456789012 2 IN IP4 203.0.113.5\r\n" +
        "s=Talk\r\n" +
        "i=A call\r\n" +
        "c=IN IP4 203.0.113.5\r\n" +
        "b=AS:80\r\n" +
        "t=0 0\r\n" +
        "a=tool:gateway\r\n" +
        "m=audio 30000 RTP/AVP 18 8 0 96\r\n" +
        "a=rtpmap:18 G729/8000\r\n" +
        "a=fmtp:18 annexb=no\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:96 telephone-event/8000\r\n" +
        "a=fmtp:96 0-15\r\n" +
        "a=ptime:30\r\n" +
        "a=sendrecv\r\n" +
        "m=video 30002 RTP/AVP 99\r\n" +
        "a=rtpmap:99 H264/90000\r\n";

    [Fact]
    public void Parses_session_and_media_levels()
    {
        Assert.True(SdpParser.TryParse(Offer, out var session, out var error), error);

        Assert.Equal("1234567890123456789012", session.Origin.SessionId);
        Assert.Equal("Talk", session.SessionName);
        Assert.Equal("203.0.113.5", session.Connection!.Address);
        Assert.Equal(["AS:80"], session.Bandwidths);
        Assert.Equal(2, session.Media.Count);
        var audio = session.Media[0];
        Assert.Equal(("audio", 30000, "RTP/AVP"), (audio.Media, audio.Port, audio.Protocol));
        Assert.Equal(["18", "8", "0", "96"], audio.Formats);
        Assert.True(audio.TryGetRtpMap("96", out var name, out var clock));
        Assert.Equal(("telephone-event", 8000), (name, clock));
        Assert.Equal("0-15", audio.GetFmtp("96"));
        Assert.Equal(30, audio.Ptime);
        Assert.Equal(SdpDirection.SendRecv, session.DirectionOf(audio));
        Assert.Equal(SdpDirection.SendRecv, session.DirectionOf(session.Media[1]));
    }

    [Fact]
    public void Serialization_is_stable_and_faithful()
    {
        Assert.True(SdpParser.TryParse(Offer, out var session, out _));

        Assert.Equal(Offer, session.ToString());
    }

    [Fact]
    public void Session_level_direction_applies_unless_media_overrides()
    {
        Assert.True(SdpParser.TryParse(
            "v=0\no=- 1 1 IN IP6 2001:db8::1\ns=-\nc=IN IP6 2001:db8::1\nt=0 0\na=sendonly\nm=audio 4000 RTP/AVP 0\nm=audio 4002 RTP/AVP 0\na=inactive\n",
            out var session, out var error), error);

        Assert.Equal(SdpDirection.SendOnly, session.DirectionOf(session.Media[0]));
        Assert.Equal(SdpDirection.Inactive, session.DirectionOf(session.Media[1]));
        Assert.Equal("IP6", session.Connection!.AddressType);
    }

    [Theory]
    [InlineData("", "missing o=")]
    [InlineData("o=- 1 1 IN IP4 1.2.3.4\r\nv=0\r\n", "the description does not start with v=")]
    [InlineData("v=1\r\no=- 1 1 IN IP4 1.2.3.4\r\n", "v= must appear once, as v=0")]
    [InlineData("v=0\r\no=- 1 IN IP4 1.2.3.4\r\n", "o= needs six fields")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IPX 1.2.3.4\r\n", "invalid c= 'IN IPX 1.2.3.4'")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 99999 RTP/AVP 0\r\n", "invalid or too many m= 'audio 99999 RTP/AVP 0'")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP\r\n", "invalid or too many m= 'audio 4000 RTP/AVP'")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nX=upper\r\n", "malformed line 'X=upper'")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\na=\r\n", "attribute without a name")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 0\r\nnot a line\r\n", "malformed line 'not a line'")]
    public void Broken_descriptions_are_rejected_with_a_reason(string text, string reason)
    {
        Assert.False(SdpParser.TryParse(text, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Garbage_bytes_never_throw()
    {
        var random = new Random(11);
        var bytes = new byte[300];
        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            var text = SipText.Bytes(Offer);
            text[random.Next(text.Length)] = bytes[0];
            _ = SdpParser.TryParse(text.AsSpan(0, random.Next(text.Length)), out _, out _);
            _ = SdpParser.TryParse(bytes, out _, out _);
        }
    }
}
