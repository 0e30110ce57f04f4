using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Tests.Parsing;

/// <summary>Broken messages: each must give the named error, and a 400/505 exactly when Via, From, To, Call-ID and
/// CSeq allow one.</summary>
public sealed class MalformedMessageTests
{
    private const string Via = "Via: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKbad\r\n";
    private const string Dialog = "To: <sip:ivr@example.com>\r\nFrom: <sip:caller@example.net>;tag=77\r\nCall-ID: bad-1\r\n";

    private static readonly Dictionary<string, string> Cases = new()
    {
        ["content-length-too-large"] = "MESSAGE sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 MESSAGE\r\nContent-Length: 50\r\n\r\nshort body",
        ["content-length-negative"] = "MESSAGE sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 MESSAGE\r\nContent-Length: -4\r\n\r\nbody",
        ["content-length-not-a-number"] = "MESSAGE sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 MESSAGE\r\nl: 4x\r\n\r\nbody",
        ["content-length-twice-differing"] = "MESSAGE sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 MESSAGE\r\nContent-Length: 4\r\nl: 3\r\n\r\nbody",
        ["cseq-negative"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: -1 OPTIONS\r\n\r\n",
        ["cseq-too-large"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 2147483648 OPTIONS\r\n\r\n",
        ["cseq-no-method"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 12\r\n\r\n",
        ["cseq-method-mismatch"] = "INVITE sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 BYE\r\n\r\n",
        ["cseq-twice"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\nCSeq: 2 OPTIONS\r\n\r\n",
        ["call-id-missing"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + "To: <sip:ivr@example.com>\r\nFrom: <sip:c@example.net>;tag=1\r\nCSeq: 1 OPTIONS\r\n\r\n",
        ["call-id-with-space"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + "To: <sip:ivr@example.com>\r\nFrom: <sip:c@example.net>;tag=1\r\nCall-ID: a b\r\nCSeq: 1 OPTIONS\r\n\r\n",
        ["to-twice"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "To: <sip:other@example.com>\r\nCSeq: 1 OPTIONS\r\n\r\n",
        ["from-unterminated-quote"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + "To: <sip:ivr@example.com>\r\nFrom: \"Caller <sip:c@example.net>;tag=1\r\nCall-ID: q\r\nCSeq: 1 OPTIONS\r\n\r\n",
        ["to-unterminated-angle"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + "To: <sip:ivr@example.com\r\nFrom: <sip:c@example.net>;tag=1\r\nCall-ID: q\r\nCSeq: 1 OPTIONS\r\n\r\n",
        ["via-missing"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["via-bad-ipv6"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\nVia: SIP/2.0/UDP [2001:db8::zz];branch=z9hG4bK1\r\n" + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["via-no-transport"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\nVia: SIP/2.0 host.example.com\r\n" + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["max-forwards-text"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\nMax-Forwards: seventy\r\n\r\n",
        ["max-forwards-256"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\nMax-Forwards: 256\r\n\r\n",
        ["version-3"] = "OPTIONS sip:ivr@example.com SIP/3.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["version-http"] = "OPTIONS sip:ivr@example.com HTTP/1.1\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["version-garbled"] = "OPTIONS sip:ivr@example.com SIP/2.0x\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["request-line-two-parts"] = "OPTIONS SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["request-uri-with-space"] = "OPTIONS sip:ivr@example.com ;lr SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["request-uri-bad-port"] = "OPTIONS sip:ivr@example.com:70000 SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["request-uri-bad-escape"] = "OPTIONS sip:iv%zzr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["request-uri-two-ats"] = "OPTIONS sip:a@b@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["method-not-token"] = "OPT<IONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["nul-in-header"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\nX-Evil: a\0b\r\n\r\n",
        ["escape-char-in-header"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\nSubject: \u001b[31mred\r\n\r\n",
        ["header-without-colon"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\nthis is not a header\r\n\r\n",
        ["header-name-with-space"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\nX Bad: 1\r\n\r\n",
        ["no-empty-line"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n",
        ["continuation-first"] = "OPTIONS sip:ivr@example.com SIP/2.0\r\n  folded first\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["status-four-digits"] = "SIP/2.0 2000 OK\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["status-99"] = "SIP/2.0 099 Odd\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["response-missing-cseq"] = "SIP/2.0 200 OK\r\n" + Via + Dialog + "\r\n",
        ["response-version-3"] = "SIP/3.0 200 OK\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n",
        ["no-start-line-end"] = "OPTIONS sip:ivr@example.com SIP/2.0",
    };

    [Theory]
    [InlineData("content-length-too-large", SipParseError.BodyTooShort, 400)]
    [InlineData("content-length-negative", SipParseError.InvalidContentLength, 400)]
    [InlineData("content-length-not-a-number", SipParseError.InvalidContentLength, 400)]
    [InlineData("content-length-twice-differing", SipParseError.InvalidContentLength, 400)]
    [InlineData("cseq-negative", SipParseError.InvalidHeaderValue, 0)]
    [InlineData("cseq-too-large", SipParseError.InvalidHeaderValue, 0)]
    [InlineData("cseq-no-method", SipParseError.InvalidHeaderValue, 0)]
    [InlineData("cseq-method-mismatch", SipParseError.CSeqMethodMismatch, 400)]
    [InlineData("cseq-twice", SipParseError.InvalidHeaderValue, 0)]
    [InlineData("call-id-missing", SipParseError.MissingHeader, 0)]
    [InlineData("call-id-with-space", SipParseError.InvalidHeaderValue, 0)]
    [InlineData("to-twice", SipParseError.InvalidHeaderValue, 0)]
    [InlineData("from-unterminated-quote", SipParseError.InvalidHeaderValue, 0)]
    [InlineData("to-unterminated-angle", SipParseError.InvalidHeaderValue, 0)]
    [InlineData("via-missing", SipParseError.MissingHeader, 0)]
    [InlineData("via-bad-ipv6", SipParseError.InvalidHeaderValue, 0)]
    [InlineData("via-no-transport", SipParseError.InvalidHeaderValue, 0)]
    [InlineData("max-forwards-text", SipParseError.InvalidHeaderValue, 400)]
    [InlineData("max-forwards-256", SipParseError.InvalidHeaderValue, 400)]
    [InlineData("version-3", SipParseError.UnsupportedVersion, 505)]
    [InlineData("version-http", SipParseError.InvalidStartLine, 400)]
    [InlineData("version-garbled", SipParseError.InvalidStartLine, 400)]
    [InlineData("request-line-two-parts", SipParseError.InvalidStartLine, 400)]
    [InlineData("request-uri-with-space", SipParseError.InvalidRequestUri, 400)]
    [InlineData("request-uri-bad-port", SipParseError.InvalidRequestUri, 400)]
    [InlineData("request-uri-bad-escape", SipParseError.InvalidRequestUri, 400)]
    [InlineData("request-uri-two-ats", SipParseError.InvalidRequestUri, 400)]
    [InlineData("method-not-token", SipParseError.InvalidStartLine, 400)]
    [InlineData("nul-in-header", SipParseError.InvalidCharacters, 400)]
    [InlineData("escape-char-in-header", SipParseError.InvalidCharacters, 400)]
    [InlineData("header-without-colon", SipParseError.InvalidHeaderLine, 400)]
    [InlineData("header-name-with-space", SipParseError.InvalidHeaderLine, 400)]
    [InlineData("no-empty-line", SipParseError.Truncated, 400)]
    [InlineData("continuation-first", SipParseError.InvalidHeaderLine, 400)]
    [InlineData("status-four-digits", SipParseError.InvalidStartLine, 0)]
    [InlineData("status-99", SipParseError.InvalidStartLine, 0)]
    [InlineData("response-missing-cseq", SipParseError.MissingHeader, 0)]
    [InlineData("response-version-3", SipParseError.UnsupportedVersion, 0)]
    [InlineData("no-start-line-end", SipParseError.Truncated, 0)]
    public void Malformed_message_gives_the_reason_and_the_right_response(string name, SipParseError error, int status)
    {
        var result = SipText.ParseText(Cases[name]);

        Assert.False(result.IsSuccess, $"{name} parsed");
        Assert.Equal(error, result.Error);
        Assert.False(string.IsNullOrEmpty(result.Detail));
        Assert.Equal(status, result.ResponseStatusCode);
        Assert.Equal(status != 0, result.CanRespond);
        var response = result.CreateErrorResponse("ivr.example.com");
        if (status == 0)
        {
            Assert.Null(response);
            return;
        }
        Assert.NotNull(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(result.Detail!, response.ReasonPhrase, StringComparison.Ordinal);
        var reparsed = SipText.Parse<SipResponse>(SipMessageSerializer.Serialize(response));
        Assert.Equal("bad-1", reparsed.CallId);
        Assert.NotNull(reparsed.To!.Tag);
        Assert.StartsWith("399 ivr.example.com \"", reparsed.Headers.Get(SipHeaderNames.Warning), StringComparison.Ordinal);
        Assert.Equal("z9hG4bKbad", reparsed.TopVia!.Branch);
    }

    [Fact]
    public void Oversized_message_is_dropped_unread()
    {
        var huge = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\nX-Big: " + new string('a', 70_000) + "\r\n\r\n";

        var result = SipText.ParseText(huge);

        Assert.Equal(SipParseError.MessageTooLarge, result.Error);
        Assert.False(result.CanRespond);
    }

    [Fact]
    public void Size_limits_are_configurable()
    {
        var options = new SipParserOptions { MaxMessageSize = 200, MaxHeaderCount = 6 };

        Assert.Equal(SipParseError.MessageTooLarge, SipMessageParser.Parse(SipText.Bytes(SipText.Invite), options).Error);
        var many = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\nA: 1\r\nB: 2\r\n\r\n";
        var result = SipMessageParser.Parse(SipText.Bytes(many), new SipParserOptions { MaxHeaderCount = 6 });
        Assert.Equal(SipParseError.TooManyHeaders, result.Error);
        Assert.False(result.CanRespond);
    }

    [Fact]
    public void Binary_garbage_is_dropped()
    {
        var garbage = new byte[512];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x16;

        var result = SipMessageParser.Parse(garbage);

        Assert.False(result.IsSuccess);
        Assert.False(result.CanRespond);
    }

    [Fact]
    public void Crlf_only_datagram_is_a_keep_alive()
    {
        Assert.Equal(SipParseError.KeepAlive, SipText.ParseText("\r\n\r\n").Error);
        Assert.Equal(SipParseError.KeepAlive, SipMessageParser.Parse([]).Error);
    }

    [Fact]
    public void Response_to_a_rejected_request_copies_every_via_and_the_dialog_headers()
    {
        var text = "INVITE sip:ivr@example.com SIP/2.0\r\n" + Via + "Via: SIP/2.0/TCP proxy.example.net;branch=z9hG4bKp\r\n" +
            Dialog + "CSeq: 5 INVITE\r\nContent-Length: 99\r\n\r\nv=0";

        var response = SipText.ParseText(text).CreateErrorResponse()!;

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(2, response.Vias!.Count);
        Assert.Equal("77", response.From!.Tag);
        Assert.Equal("bad-1", response.CallId);
        Assert.Equal(new CSeqHeader(5, "INVITE"), response.CSeq);
        Assert.Null(response.Headers.Get(SipHeaderNames.Warning));
        Assert.Contains("Content-Length 99", SipText.Serialize(response), StringComparison.Ordinal);
    }
}
