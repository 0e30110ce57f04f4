using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Tests.Parsing;

/// <summary>More hand-written oddities in the spirit of RFC 4475, each with its exact outcome.</summary>
public sealed class TortureTests
{
    private const string Via = "Via: SIP/2.0/UDP 192.0.2.7;branch=z9hG4bKtort\r\n";
    private const string Dialog = "To: <sip:ivr@example.com>\r\nFrom: <sip:caller@example.net>;tag=77\r\nCall-ID: tort-1\r\n";

    [Fact]
    public void Method_made_of_every_token_character_is_a_method()
    {
        const string method = "!odd-Method0123456789_*+`.%indeed'~";
        var request = SipText.Parse<SipRequest>($"{method} sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + $"CSeq: 3 {method}\r\n\r\n");

        Assert.Equal(method, request.Method);
        Assert.Equal(method, request.CSeq!.Method);
    }

    [Fact]
    public void Two_messages_in_one_datagram_keep_only_the_first()
    {
        var first = "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        var request = SipText.Parse<SipRequest>(first + "OPTIONS sip:other@example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 2 OPTIONS\r\n\r\n");

        Assert.Equal("ivr", request.RequestUri.User);
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void Escaped_nul_and_escaped_at_in_the_user_part_are_data()
    {
        var request = SipText.Parse<SipRequest>(
            "OPTIONS sip:null%00user@example.com SIP/2.0\r\n" + Via +
            "To: <sip:sips%3Auser%40example.org@example.com>\r\nFrom: <sip:caller@example.net>;tag=77\r\nCall-ID: e\r\nCSeq: 1 OPTIONS\r\n\r\n");

        Assert.Equal("null\0user", request.RequestUri.User);
        Assert.Equal("sips:user@example.org", request.To!.Uri.User);
        Assert.Equal("sip:sips%3Auser%40example.org@example.com", request.To.Uri.ToString());
    }

    [Fact]
    public void Long_values_and_many_vias_within_the_limits_parse()
    {
        var vias = string.Concat(Enumerable.Range(0, 60).Select(i => $"Via: SIP/2.0/UDP relay{i}.example.com;branch=z9hG4bK{i}\r\n"));
        var longValue = new string('x', 8000);
        var request = SipText.Parse<SipRequest>(
            "OPTIONS sip:ivr@example.com SIP/2.0\r\n" + vias + Dialog + $"CSeq: 1 OPTIONS\r\nX-Long: {longValue}\r\nSubject: {longValue}\r\n\r\n");

        Assert.Equal(60, request.Vias!.Count);
        Assert.Equal("relay59.example.com", request.Vias[59].Host);
        Assert.Equal(longValue, request.Headers.Get("X-Long"));
    }

    [Theory]
    [InlineData(" OPTIONS sip:ivr@example.com SIP/2.0", SipParseError.InvalidStartLine)]
    [InlineData("OPTIONS sip:ivr@example.com SIP/2.0 ", SipParseError.InvalidStartLine)]
    [InlineData("OPTIONS  sip:ivr@example.com SIP/2.0", SipParseError.InvalidRequestUri)]
    [InlineData("OPTIONS\tsip:ivr@example.com\tSIP/2.0", SipParseError.InvalidCharacters)]
    [InlineData("OPTIONS sip:ivr@exa%6Dple.com SIP/2.0", SipParseError.InvalidRequestUri)]
    [InlineData("OPTIONS sip:ivr@example.com SIP/2.0\u00a0", SipParseError.InvalidStartLine)]
    public void Request_line_whitespace_and_escapes_are_strict(string requestLine, SipParseError error)
    {
        var result = SipText.ParseText(requestLine + "\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\n");

        Assert.Equal(error, result.Error);
        Assert.Equal(400, result.ResponseStatusCode);
    }

    [Theory]
    [InlineData("To: <sip:ivr@example.com>, <sip:other@example.com>")]
    [InlineData("To: < sip:ivr@example.com >")]
    [InlineData("To: sip:ivr@example.com?subject=x")]
    [InlineData("To: <sip:ivr@example.com>;tag")]
    [InlineData("To: <sip:ivr@example.com>;=x")]
    [InlineData("To: \"unclosed <sip:ivr@example.com>")]
    [InlineData("To: Bad\"Name <sip:ivr@example.com>")]
    public void Broken_to_values_make_the_request_unanswerable(string to)
    {
        var result = SipText.ParseText("OPTIONS sip:ivr@example.com SIP/2.0\r\n" + Via + to + "\r\nFrom: <sip:c@example.net>;tag=1\r\nCall-ID: t\r\nCSeq: 1 OPTIONS\r\n\r\n");

        if (to.EndsWith(";tag", StringComparison.Ordinal))
        {
            // A valueless parameter is grammatical (generic-param); the tag is just absent.
            Assert.True(result.IsSuccess);
            Assert.True(result.Message!.To!.Parameters.Contains("tag"));
            Assert.Null(result.Message.To.Tag);
            return;
        }
        Assert.Equal(SipParseError.InvalidHeaderValue, result.Error);
        Assert.Equal("invalid To", result.Detail);
        Assert.False(result.CanRespond);
    }

    [Fact]
    public void Unknown_transport_and_scheme_are_kept()
    {
        var request = SipText.Parse<SipRequest>(
            "OPTIONS sip:ivr@example.com SIP/2.0\r\nVia: SIP/2.0/NEWTRANS host.example.com;branch=z9hG4bKn\r\n" +
            "To: <urn:example:ivr>\r\nFrom: <sip:caller@example.net>;tag=77\r\nCall-ID: n\r\nCSeq: 1 OPTIONS\r\n\r\n");

        Assert.Equal("NEWTRANS", request.TopVia!.Transport);
        Assert.Equal(SipUriScheme.Other, request.To!.Uri.Scheme);
        Assert.Equal("<urn:example:ivr>", request.To.ToString());
    }

    [Fact]
    public void Utf8_reason_phrase_and_body_survive_a_round_trip()
    {
        var text = "SIP/2.0 480 Nicht verf\u00fcgbar \u2013 sp\u00e4ter\r\n" + Via + Dialog + "CSeq: 1 INVITE\r\nContent-Type: text/plain;charset=utf-8\r\nContent-Length: 6\r\n\r\n\u00e4\u00f6\u00fc";

        var response = SipText.Parse<SipResponse>(text);

        Assert.Equal("Nicht verf\u00fcgbar \u2013 sp\u00e4ter", response.ReasonPhrase);
        Assert.Equal("\u00e4\u00f6\u00fc", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(text, SipText.Serialize(response));
    }

    [Fact]
    public void Max_forwards_zero_and_huge_expires_are_values_not_errors()
    {
        var request = SipText.Parse<SipRequest>(
            "REGISTER sip:example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 REGISTER\r\nMax-Forwards: 0\r\nExpires: 99999999999999\r\n" +
            "Contact: <sip:a@192.0.2.7>;expires=4294967295\r\n\r\n");

        Assert.Equal(0, request.MaxForwards);
        Assert.Null(request.Expires);
        Assert.Equal(4294967295, request.Contacts![0].Expires);
    }

    [Fact]
    public void Contact_that_does_not_parse_leaves_the_message_valid_but_the_typed_view_empty()
    {
        var request = SipText.Parse<SipRequest>(
            "REGISTER sip:example.com SIP/2.0\r\n" + Via + Dialog + "CSeq: 1 REGISTER\r\nContact: sip:a@192.0.2.7?Route=%3Csip:x%3E\r\n\r\n");

        Assert.Null(request.Contacts);
        Assert.False(request.IsContactWildcard);
    }

    [Fact]
    public void Body_without_content_length_on_a_response_is_kept_as_sent()
    {
        var response = SipText.Parse<SipResponse>("SIP/2.0 200 OK\r\n" + Via + Dialog + "CSeq: 1 OPTIONS\r\n\r\nabc");

        Assert.Equal("abc", Encoding.ASCII.GetString(response.Body.Span));
        Assert.Null(response.ContentLength);
        Assert.Contains("Content-Length: 3\r\n", SipText.Serialize(response), StringComparison.Ordinal);
        _ = SipMessageParser.Parse(SipMessageSerializer.Serialize(response));
    }
}
