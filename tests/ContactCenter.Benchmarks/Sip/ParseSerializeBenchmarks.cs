using System.Text;
using BenchmarkDotNet.Attributes;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Benchmarks.Sip;

/// <summary>Parse and serialize of a typical INVITE with SDP (as a softphone sends it) and of its 200 OK, single
/// threaded; Op/s is messages per second on one core. Parse includes the validation of Via, From, To, CSeq and
/// Call-ID that every incoming message gets.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class ParseSerializeBenchmarks
{
    private const string Sdp =
        "v=0\r\no=- 3912340958 3912340958 IN IP4 192.0.2.10\r\ns=softphone\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
        "m=audio 40002 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";

    private static readonly string InviteText =
        "INVITE sip:+4930123456@ivr.example.com;user=phone SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---8a2f4c1d9e7b3a60;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:agent17@192.0.2.10:5060;transport=udp>\r\n" +
        "To: <sip:+4930123456@ivr.example.com;user=phone>\r\n" +
        "From: \"Agent 17\" <sip:agent17@example.com>;tag=5f3c8e21\r\n" +
        "Call-ID: NjA3ZTFiYjQ5ODFmOWQ4ZDQ3YzE0NjM3YTEwMmQ4ZWU\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Supported: replaces, norefersub, extended-refer, timer, X-cisco-serviceuri\r\n" +
        "User-Agent: Softphone 5.3.4 stamp 97421\r\n" +
        "Allow-Events: presence, kpml, talk\r\n" +
        $"Content-Length: {Sdp.Length}\r\n\r\n" + Sdp;

    private const string OkText =
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---8a2f4c1d9e7b3a60;rport=5060;received=192.0.2.10\r\n" +
        "Record-Route: <sip:proxy.example.com;lr>\r\n" +
        "Contact: <sip:ivr@198.51.100.4:5060>\r\n" +
        "To: <sip:+4930123456@ivr.example.com;user=phone>;tag=as6c2f1e0b\r\n" +
        "From: \"Agent 17\" <sip:agent17@example.com>;tag=5f3c8e21\r\n" +
        "Call-ID: NjA3ZTFiYjQ5ODFmOWQ4ZDQ3YzE0NjM3YTEwMmQ4ZWU\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Server: ContactCenter\r\n" +
        "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, INFO\r\n" +
        "Supported: replaces, timer\r\n" +
        "Content-Length: 0\r\n\r\n";

    private readonly byte[] _invite = Encoding.ASCII.GetBytes(InviteText);
    private readonly byte[] _ok = Encoding.ASCII.GetBytes(OkText);
    private readonly byte[] _buffer = new byte[4096];
    private SipMessage _parsedInvite = null!;
    private SipMessage _parsedOk = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parsedInvite = SipMessageParser.Parse(_invite).Message ?? throw new InvalidOperationException("the INVITE does not parse");
        _parsedOk = SipMessageParser.Parse(_ok).Message ?? throw new InvalidOperationException("the 200 OK does not parse");
    }

    [Benchmark(Description = "Sip parse INVITE+SDP")]
    public SipMessage? ParseInvite() => SipMessageParser.Parse(_invite).Message;

    [Benchmark(Description = "Sip parse 200 OK")]
    public SipMessage? ParseOk() => SipMessageParser.Parse(_ok).Message;

    [Benchmark(Description = "Sip serialize INVITE+SDP")]
    public int SerializeInvite() => SipMessageSerializer.Write(_parsedInvite, _buffer);

    [Benchmark(Description = "Sip serialize 200 OK")]
    public int SerializeOk() => SipMessageSerializer.Write(_parsedOk, _buffer);

    [Benchmark(Description = "Sip parse+serialize INVITE+SDP")]
    public int RoundTripInvite() => SipMessageSerializer.Write(SipMessageParser.Parse(_invite).Message!, _buffer);
}
