using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Tests;

/// <summary>Builds wire messages from lines (joined with CRLF) and parses them, failing with the parser's reason.</summary>
internal static class SipText
{
    public const string Invite =
        "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: Bob <sip:bob@biloxi.example.com>\r\n" +
        "From: \"Alice A.\" <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@pc33.atlanta.example.com>\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 149\r\n" +
        "\r\n" +
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.example.com\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.101\r\n" +
        "t=0 0\r\n" +
        "m=audio 49172 RTP/AVP 0\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n";

    public const string Ok =
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP server10.biloxi.example.com;branch=z9hG4bKnashds8;received=192.0.2.3\r\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;received=192.0.2.1\r\n" +
        "To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf\r\n" +
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:bob@192.0.2.4>\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Lines(params string[] lines) => Bytes(string.Join("\r\n", lines));

    public static SipParseResult ParseText(string text) => SipMessageParser.Parse(Bytes(text));

    public static T Parse<T>(string text)
        where T : SipMessage
    {
        var result = ParseText(text);
        Assert.True(result.IsSuccess, $"expected a message, got {result}");
        return Assert.IsType<T>(result.Message);
    }

    public static T Parse<T>(byte[] bytes)
        where T : SipMessage
    {
        var result = SipMessageParser.Parse(bytes);
        Assert.True(result.IsSuccess, $"expected a message, got {result}");
        return Assert.IsType<T>(result.Message);
    }

    public static string Serialize(SipMessage message) => Encoding.UTF8.GetString(SipMessageSerializer.Serialize(message));
}
