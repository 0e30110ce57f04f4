using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>RFC 3261 §19.1.4 comparison, with pairs written for this stack.</summary>
public sealed class UriEquivalenceTests
{
    [Theory]
    [InlineData("sip:%61gent7@callcenter.example.com;transport=TCP", "sip:agent7@CallCenter.Example.COM;Transport=tcp")]
    [InlineData("sip:ivr@192.0.2.4;lr;color=red", "sip:ivr@192.0.2.4;lr")]
    [InlineData("sip:ivr@192.0.2.4;newparam=5", "sip:ivr@192.0.2.4;otherparam=6")]
    [InlineData("sip:queue@example.com?subject=sales%20call&priority=urgent", "sip:queue@example.com?Priority=%75rgent&Subject=sales%20call")]
    [InlineData("sips:agent@example.com:5061", "SIPS:agent@EXAMPLE.com:5061")]
    [InlineData("sip:agent:pw@example.com", "sip:agent:%70w@example.com")]
    [InlineData("tel:+1-201-555-0123", "tel:+1.201.555.0123")]
    [InlineData("tel:7042;phone-context=example.com", "tel:7042;PHONE-CONTEXT=Example.com")]
    public void Equivalent_pairs(string a, string b)
    {
        Assert.True(SipUri.Parse(a).IsEquivalentTo(SipUri.Parse(b)), $"{a} == {b}");
        Assert.True(SipUri.Parse(b).IsEquivalentTo(SipUri.Parse(a)), $"{b} == {a}");
    }

    [Theory]
    [InlineData("sip:AGENT@example.com", "sip:agent@example.com")]
    [InlineData("sip:agent@example.com", "sips:agent@example.com")]
    [InlineData("sip:agent@example.com", "sip:agent@example.com:5060")]
    [InlineData("sip:agent@example.com", "sip:agent@example.com;transport=udp")]
    [InlineData("sip:agent@example.com", "sip:agent@example.com;user=phone")]
    [InlineData("sip:agent@example.com", "sip:agent@example.com;maddr=239.255.255.1")]
    [InlineData("sip:agent@example.com;transport=tcp", "sip:agent@example.com;transport=udp")]
    [InlineData("sip:example.com", "sip:agent@example.com")]
    [InlineData("sip:agent:a@example.com", "sip:agent:b@example.com")]
    [InlineData("sip:agent@example.com?subject=a", "sip:agent@example.com")]
    [InlineData("sip:agent@example.com?subject=a", "sip:agent@example.com?subject=b")]
    [InlineData("tel:+12015550123", "tel:+12015550124")]
    [InlineData("tel:7042;phone-context=example.com", "tel:7042")]
    public void Different_pairs(string a, string b)
    {
        Assert.False(SipUri.Parse(a).IsEquivalentTo(SipUri.Parse(b)), $"{a} != {b}");
        Assert.False(SipUri.Parse(b).IsEquivalentTo(SipUri.Parse(a)), $"{b} != {a}");
    }
}
