using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Parsing;

public sealed class ParserTests
{
    [Fact]
    public void Typical_invite_parses_into_typed_headers()
    {
        var request = SipText.Parse<SipRequest>(SipText.Invite);

        Assert.Equal("INVITE", request.Method);
        Assert.Equal("sip:bob@biloxi.example.com", request.RequestUri.ToString());
        var via = Assert.Single(request.Vias!);
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("pc33.atlanta.example.com", via.Host);
        Assert.Equal(5060, via.Port);
        Assert.Equal("z9hG4bK776asdhds", via.Branch);
        Assert.True(via.HasRfc3261Branch);
        Assert.True(via.HasRport);
        Assert.Null(via.Rport);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal("Bob", request.To!.DisplayName);
        Assert.Null(request.To.Tag);
        Assert.Equal("Alice A.", request.From!.DisplayName);
        Assert.Equal("1928301774", request.From.Tag);
        Assert.Equal("alice", request.From.Uri.User);
        Assert.Equal("a84b4c76e66710@pc33.atlanta.example.com", request.CallId);
        Assert.Equal(new CSeqHeader(314159, "INVITE"), request.CSeq);
        Assert.Equal("sip:alice@pc33.atlanta.example.com", Assert.Single(request.Contacts!).Uri.ToString());
        Assert.Equal("application/sdp", request.ContentType);
        Assert.Equal(149, request.Body.Length);
        Assert.StartsWith("v=0\r\n", Encoding.ASCII.GetString(request.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Typical_response_parses()
    {
        var response = SipText.Parse<SipResponse>(SipText.Ok);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("OK", response.ReasonPhrase);
        Assert.Equal(2, response.Vias!.Count);
        Assert.Equal("192.0.2.3", response.TopVia!.Received);
        Assert.Null(response.TopVia.Port);
        Assert.Equal("a6c85cf", response.To!.Tag);
        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public void Serialization_round_trips_the_typical_invite_byte_for_byte()
    {
        var request = SipText.Parse<SipRequest>(SipText.Invite);

        Assert.Equal(SipText.Invite, SipText.Serialize(request));
    }

    [Fact]
    public void Serialization_round_trips_the_typical_response_byte_for_byte()
    {
        Assert.Equal(SipText.Ok, SipText.Serialize(SipText.Parse<SipResponse>(SipText.Ok)));
    }

    [Fact]
    public void Compact_forms_and_odd_case_expand_to_canonical_names()
    {
        var request = SipText.Parse<SipRequest>(
            "OPTIONS sip:carol@chicago.example.com SIP/2.0\r\n" +
            "v: SIP/2.0/TCP host.example.com;branch=z9hG4bK1\r\n" +
            "MAX-FORWARDS: 10\r\n" +
            "t: sip:carol@chicago.example.com\r\n" +
            "f: <sip:a@b.example.com>;tag=x\r\n" +
            "i: abc@def\r\n" +
            "cseq: 1 OPTIONS\r\n" +
            "m: <sip:a@10.0.0.1>\r\n" +
            "k: timer, 100rel\r\n" +
            "l: 0\r\n" +
            "\r\n");

        Assert.Equal(
            ["Via", "Max-Forwards", "To", "From", "Call-ID", "CSeq", "Contact", "Supported", "Content-Length"],
            request.Headers.Select(h => h.Name).ToArray());
        Assert.Equal(["timer", "100rel"], request.Headers.GetValues("Supported"));
        Assert.Equal("TCP", request.TopVia!.Transport);
        Assert.Null(request.To!.DisplayName);
        Assert.Equal("carol", request.To.Uri.User);
    }

    [Fact]
    public void Repeated_and_comma_separated_vias_and_routes_keep_their_order()
    {
        var request = SipText.Parse<SipRequest>(
            "BYE sip:bob@192.0.2.4 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/UDP b.example.com;branch=z9hG4bK2\r\n" +
            "Via: SIP/2.0/UDP c.example.com;branch=z9hG4bK3\r\n" +
            "Route: <sip:p1.example.com;lr>, \"Proxy, two\" <sip:p2.example.com;lr>\r\n" +
            "Route: <sip:p3.example.com;lr>\r\n" +
            "To: <sip:bob@biloxi.example.com>;tag=1\r\n" +
            "From: <sip:alice@atlanta.example.com>;tag=2\r\n" +
            "Call-ID: c1\r\n" +
            "CSeq: 2 BYE\r\n" +
            "\r\n");

        Assert.Equal(["a.example.com", "b.example.com", "c.example.com"], request.Vias!.Select(v => v.Host).ToArray());
        Assert.Equal(["p1.example.com", "p2.example.com", "p3.example.com"], request.Routes!.Select(r => r.Uri.Host).ToArray());
        Assert.Equal("Proxy, two", request.Routes![1].DisplayName);
        Assert.True(request.Routes[0].Uri.IsLooseRouter);
    }

    [Fact]
    public void Contact_star_and_contact_parameters()
    {
        var register = SipText.Parse<SipRequest>(
            "REGISTER sip:registrar.example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.5:5070;branch=z9hG4bKr\r\n" +
            "To: <sip:agent1@example.com>\r\nFrom: <sip:agent1@example.com>;tag=r1\r\n" +
            "Call-ID: reg1\r\nCSeq: 9 REGISTER\r\nContact: *\r\nExpires: 0\r\n\r\n");
        Assert.True(register.IsContactWildcard);
        Assert.Empty(register.Contacts!);
        Assert.Equal(0, register.Expires);

        var binding = SipText.Parse<SipRequest>(
            "REGISTER sip:registrar.example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.5:5070;branch=z9hG4bKr\r\n" +
            "To: <sip:agent1@example.com>\r\nFrom: <sip:agent1@example.com>;tag=r1\r\n" +
            "Call-ID: reg1\r\nCSeq: 10 REGISTER\r\n" +
            "Contact: <sip:agent1@192.0.2.5:5070;transport=udp>;expires=3600;q=0.7, sip:agent1@198.51.100.9;q=1\r\n\r\n");
        Assert.False(binding.IsContactWildcard);
        Assert.Equal(2, binding.Contacts!.Count);
        Assert.Equal(3600, binding.Contacts[0].Expires);
        Assert.Equal(0.7, binding.Contacts[0].Quality);
        Assert.Equal("udp", binding.Contacts[0].Uri.Parameters.Get("transport"));
        Assert.Equal(1.0, binding.Contacts[1].Quality);
        Assert.Null(binding.Contacts[1].Expires);
    }

    [Fact]
    public void Folded_header_lines_join_with_one_space()
    {
        var request = SipText.Parse<SipRequest>(
            "OPTIONS sip:x@example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP host.example.com\r\n" +
            "   ;branch=z9hG4bKfold\r\n" +
            "To: <sip:x@example.com>\r\nFrom: <sip:y@example.com>;tag=1\r\n" +
            "Subject: first line\r\n" +
            "\tsecond line\r\n" +
            "Call-ID: fold\r\nCSeq: 1 OPTIONS\r\n\r\n");

        Assert.Equal("z9hG4bKfold", request.TopVia!.Branch);
        Assert.Equal("first line second line", request.Headers.Get("s"));
    }

    [Fact]
    public void Ipv6_in_via_uri_and_received()
    {
        var request = SipText.Parse<SipRequest>(
            "INVITE sip:[2001:db8::10]:5070;transport=tcp SIP/2.0\r\n" +
            "Via: SIP/2.0/TCP [2001:db8::9:1];branch=z9hG4bKv6;received=[2001:db8::9:255];rport=5061\r\n" +
            "To: <sip:[2001:db8::10]>\r\nFrom: <sip:user@[2001:db8::9:1]>;tag=v6\r\n" +
            "Call-ID: v6\r\nCSeq: 1 INVITE\r\n\r\n");

        Assert.Equal("[2001:db8::10]", request.RequestUri.Host);
        Assert.True(request.RequestUri.IsIPv6);
        Assert.Equal(5070, request.RequestUri.Port);
        Assert.Equal("[2001:db8::9:1]", request.TopVia!.Host);
        Assert.Null(request.TopVia.Port);
        Assert.Equal("[2001:db8::9:255]", request.TopVia.Received);
        Assert.Equal(5061, request.TopVia.Rport);
        Assert.Equal("[2001:db8::9:1]", request.From!.Uri.Host);
    }

    [Fact]
    public void Headers_reject_crlf_injection()
    {
        var headers = new SipHeaderCollection();
        Assert.Throws<ArgumentException>(() => headers.Add("Subject", "hi\r\nVia: forged"));
    }
}
