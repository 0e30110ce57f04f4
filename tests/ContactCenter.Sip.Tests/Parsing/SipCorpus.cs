namespace ContactCenter.Sip.Tests.Parsing;

/// <summary>Valid messages that the mutation properties start from.</summary>
internal static class SipCorpus
{
    public static readonly string[] Messages =
    [
        SipText.Invite,
        SipText.Ok,
        "REGISTER sip:registrar.example.com SIP/2.0\r\n" +
        "v: SIP/2.0/TCP [2001:db8::5]:5070;branch=z9hG4bKreg;rport\r\n" +
        "t: \"Agent \\\"One\\\"\" <sip:agent1@example.com>\r\nf: <sip:agent1@example.com>;tag=r1\r\n" +
        "i: reg-42@[2001:db8::5]\r\nCSeq: 10 REGISTER\r\nMax-Forwards: 70\r\n" +
        "m: <sip:agent1@[2001:db8::5]:5070;transport=tcp>;expires=3600;q=0.5, *\r\n" +
        "Authorization: Digest username=\"agent1\", realm=\"example.com\", nonce=\"abc,def\", uri=\"sip:registrar.example.com\", response=\"0123\"\r\n" +
        "l: 0\r\n\r\n",
        "BYE sip:%61gent@192.0.2.4;transport=udp SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP proxy.example.net;branch=z9hG4bK1, SIP/2.0/UDP 192.0.2.1:5062;branch=z9hG4bK2;received=192.0.2.99\r\n" +
        "Route: <sip:p1.example.net;lr>, <sip:p2.example.net;lr>\r\n" +
        "To: <sip:agent@example.com>;tag=aa\r\nFrom: tel:+15551234;tag=bb\r\nCall-ID: bye-1\r\nCSeq: 7 BYE\r\n" +
        "Subject: folded\r\n  continuation\r\nContent-Length: 0\r\n\r\n",
        "SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKb\r\n" +
        "To: <sip:a@example.com>;tag=x\r\nFrom: <sip:b@example.com>;tag=y\r\nCall-ID: busy\r\nCSeq: 1 INVITE\r\n" +
        "Warning: 399 example.com \"agent, busy\"\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nbusy",
    ];
}
