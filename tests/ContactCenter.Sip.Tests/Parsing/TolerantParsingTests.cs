using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Tests.Parsing;

/// <summary>Strange but valid messages: the parser must accept them and read the exact values.</summary>
public sealed class TolerantParsingTests
{
    private const string Mandatory = "To: <sip:ivr@example.com>\r\nFrom: <sip:caller@example.net>;tag=77\r\nCall-ID: ok-1\r\n";

    [Fact]
    public void Unusual_whitespace_everywhere_it_is_allowed()
    {
        var request = SipText.Parse<SipRequest>(
            "OPTIONS sip:ivr@example.com SIP/2.0\r\n" +
            "Via  :   SIP  /  2.0  /  udp   host.example.com  :  5062  ;  branch = z9hG4bKws ; rport\r\n" +
            "To\t:\t<sip:ivr@example.com>  ;  tag  =  t1\r\n" +
            "From:\"\" <sip:caller@example.net>;tag=77\r\n" +
            "Call-ID:ws-1\r\n" +
            "CSeq:   42     OPTIONS   \r\n" +
            "Max-Forwards:    0\r\n\r\n");

        var via = request.TopVia!;
        Assert.Equal(("UDP", "host.example.com", 5062, "z9hG4bKws"), (via.Transport, via.Host, via.Port, via.Branch));
        Assert.True(via.HasRport);
        Assert.Equal("t1", request.To!.Tag);
        Assert.Equal("", request.From!.DisplayName);
        Assert.Equal(new CSeqHeader(42, "OPTIONS"), request.CSeq);
        Assert.Equal(0, request.MaxForwards);
    }

    [Fact]
    public void Escapes_in_the_user_part_are_resolved_and_re_escaped()
    {
        var request = SipText.Parse<SipRequest>(
            "OPTIONS sip:%61lice;ext=a%40b:pa%21ss@example.com;transport=TCP?subject=a%20b&priority=urgent SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n" + Mandatory + "CSeq: 1 OPTIONS\r\n\r\n");

        var uri = request.RequestUri;
        Assert.Equal("alice;ext=a@b", uri.User);
        Assert.Equal("pa!ss", uri.Password);
        Assert.Equal("TCP", uri.Parameters.Get("transport"));
        Assert.Equal("subject=a%20b&priority=urgent", uri.Headers);
        Assert.Equal("sip:alice;ext=a%40b:pa!ss@example.com;transport=TCP?subject=a%20b&priority=urgent", uri.ToString());
    }

    [Fact]
    public void Quoted_display_names_with_escapes_and_utf8()
    {
        var request = SipText.Parse<SipRequest>(
            "OPTIONS sip:ivr@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n" +
            "To: \"Jos\u00e9 \\\"Pepe\\\" \\\\ L\u00f3pez\" <sip:ivr@example.com>\r\n" +
            "From: Plain Token Name <sip:caller@example.net>;tag=77\r\nCall-ID: dn\r\nCSeq: 1 OPTIONS\r\n\r\n");

        Assert.Equal("Jos\u00e9 \"Pepe\" \\ L\u00f3pez", request.To!.DisplayName);
        Assert.Equal("Plain Token Name", request.From!.DisplayName);
        Assert.Equal("\"Jos\u00e9 \\\"Pepe\\\" \\\\ L\u00f3pez\" <sip:ivr@example.com>", request.To.ToString());
    }

    [Fact]
    public void Unquoted_utf8_display_name_is_accepted_and_quoted_on_the_way_out()
    {
        var request = SipText.Parse<SipRequest>(
            "OPTIONS sip:ivr@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n" +
            "To: <sip:ivr@example.com>\r\nFrom: J\u00f6rg M\u00fcller <sip:caller@example.net>;tag=77\r\nCall-ID: u8\r\nCSeq: 1 OPTIONS\r\n\r\n");

        Assert.Equal("J\u00f6rg M\u00fcller", request.From!.DisplayName);
        Assert.Equal("\"J\u00f6rg M\u00fcller\" <sip:caller@example.net>;tag=77", request.From.ToString());
    }

    [Fact]
    public void Latin1_display_name_from_an_old_phone_is_read_not_rejected()
    {
        var bytes = Encoding.Latin1.GetBytes(
            "OPTIONS sip:ivr@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n" +
            "To: <sip:ivr@example.com>\r\nFrom: \"M\u00fcller\" <sip:caller@example.net>;tag=77\r\nCall-ID: l1\r\nCSeq: 1 OPTIONS\r\n\r\n");

        Assert.Equal("M\u00fcller", SipText.Parse<SipRequest>(bytes).From!.DisplayName);
    }

    [Fact]
    public void Addr_spec_without_brackets_gives_parameters_to_the_header()
    {
        var request = SipText.Parse<SipRequest>(
            "OPTIONS sip:ivr@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n" +
            "To: sip:ivr@example.com;tag=abc\r\nFrom: tel:+1-201-555-0123;tag=77\r\nCall-ID: as\r\nCSeq: 1 OPTIONS\r\n\r\n");

        Assert.Equal("abc", request.To!.Tag);
        Assert.Empty(request.To.Uri.Parameters);
        Assert.Equal(SipUriScheme.Tel, request.From!.Uri.Scheme);
        Assert.Equal("+1-201-555-0123", request.From.Uri.User);
        Assert.Equal("77", request.From.Tag);
    }

    [Fact]
    public void Leading_crlfs_bare_lf_line_ends_and_no_content_length()
    {
        var request = SipText.Parse<SipRequest>(
            "\r\n\r\nMESSAGE sip:ivr@example.com SIP/2.0\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\n" +
            "To: <sip:ivr@example.com>\nFrom: <sip:caller@example.net>;tag=77\nCall-ID: lf\nCSeq: 1 MESSAGE\n\nhello");

        Assert.Equal("hello", Encoding.ASCII.GetString(request.Body.Span));
    }

    [Fact]
    public void Content_length_shorter_than_the_datagram_truncates_the_body()
    {
        var request = SipText.Parse<SipRequest>(
            "MESSAGE sip:ivr@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n" + Mandatory +
            "CSeq: 1 MESSAGE\r\nContent-Length:   5  \r\n\r\nhello and trailing junk");

        Assert.Equal("hello", Encoding.ASCII.GetString(request.Body.Span));
        Assert.EndsWith("Content-Length: 5\r\n\r\nhello", SipText.Serialize(request), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_method_scheme_and_headers_are_kept_for_the_core_to_judge()
    {
        var request = SipText.Parse<SipRequest>(
            "NEWMETHOD urn:service:sos SIP/2.0\r\nVia: SIP/2.0/SCTP h.example.com;branch=z9hG4bK1;x-odd=\"a;b,c\"\r\n" + Mandatory +
            "CSeq: 8 NEWMETHOD\r\nX-Vendor-Thing: a, \"b, c\", <d,e>\r\nDate: Sat, 13 Nov 2010 23:29:00 GMT\r\n\r\n");

        Assert.Equal("NEWMETHOD", request.Method);
        Assert.Equal(SipUriScheme.Other, request.RequestUri.Scheme);
        Assert.Equal("urn:service:sos", request.RequestUri.ToString());
        Assert.Equal("\"a;b,c\"", request.TopVia!.Parameters.Get("x-odd"));
        Assert.Equal(["Sat, 13 Nov 2010 23:29:00 GMT"], request.Headers.GetValues("date"));
    }

    [Fact]
    public void Rfc2543_via_without_branch_and_lowercase_version_parse()
    {
        var request = SipText.Parse<SipRequest>(
            "BYE sip:ivr@example.com sip/2.0\r\nVia: SIP/2.0/UDP oldphone.example.com\r\n" + Mandatory + "CSeq: 3 BYE\r\n\r\n");

        Assert.Null(request.TopVia!.Branch);
        Assert.False(request.TopVia.HasRfc3261Branch);
    }

    [Fact]
    public void Response_without_reason_phrase_is_tolerated_and_gets_none_on_the_wire()
    {
        var response = SipText.Parse<SipResponse>(
            "SIP/2.0 180\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n" + Mandatory + "CSeq: 1 INVITE\r\n\r\n");

        Assert.Equal(180, response.StatusCode);
        Assert.Equal("", response.ReasonPhrase);
        Assert.StartsWith("SIP/2.0 180 \r\n", SipText.Serialize(response), StringComparison.Ordinal);
    }

    [Fact]
    public void Uri_parsing_covers_schemes_hosts_and_rejects()
    {
        var sips = SipUri.Parse("SIPS:bob@192.0.2.4:5061;maddr=239.255.255.1;ttl=15;lr");
        Assert.Equal((SipUriScheme.Sips, "192.0.2.4", 5061), (sips.Scheme, sips.Host, sips.Port));
        Assert.True(sips.IsLooseRouter);
        Assert.Equal("sips:bob@192.0.2.4:5061;maddr=239.255.255.1;ttl=15;lr", sips.ToString());
        Assert.Null(SipUri.Parse("sip:example.com").User);
        Assert.Equal("sip:%20odd@example.com", SipUri.Parse("sip:%20odd@example.com").ToString());

        foreach (var bad in new[] { "sip:", "sip:@example.com", "sip:a@", "sip:a@[::1", "sip:a@[1.2.3.4]", "sip:a@exa mple.com", "sip:a@host:", "sip:a@host;", "sip:a@host?", "tel:", "1sip:x", "noscheme", "sip:a@host:99999" })
        {
            Assert.False(SipUri.TryParse(bad, out _), bad);
        }
    }

    [Fact]
    public void Header_values_split_only_outside_quotes_and_brackets()
    {
        var headers = new SipHeaderCollection();
        headers.Add("Contact", "\"A, \\\"B\\\", C\" <sip:a@x.example.com;p=1,2>, <sip:b@y.example.com> ,, sip:c@z.example.com");

        Assert.Equal(
            ["\"A, \\\"B\\\", C\" <sip:a@x.example.com;p=1,2>", "<sip:b@y.example.com>", "sip:c@z.example.com"],
            headers.GetValues("m"));
    }

    [Fact]
    public void Serializer_writes_content_length_from_the_body()
    {
        var request = new SipRequest(SipMethods.Message, SipUri.Parse("sip:ivr@example.com"));
        request.Headers.Add("Via", "SIP/2.0/UDP h.example.com;branch=z9hG4bKs");
        request.Headers.Add("Content-Length", "999");
        request.Headers.Add("l", "5");
        request.Body = "hello"u8.ToArray();

        Assert.Equal(
            "MESSAGE sip:ivr@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bKs\r\nContent-Length: 5\r\n\r\nhello",
            SipText.Serialize(request));
        Assert.Equal(SipMessageSerializer.GetByteCount(request), SipMessageSerializer.Serialize(request).Length);
    }
}
