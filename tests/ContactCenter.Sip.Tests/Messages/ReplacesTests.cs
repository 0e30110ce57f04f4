using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>Replaces (RFC 3891) and Refer-To URI headers: parsing, escaping, and the INVITE built from such a URI.</summary>
public sealed class ReplacesTests
{
    [Fact]
    public void Replaces_parses_with_tags_in_any_order_and_early_only()
    {
        Assert.True(SipReplaces.TryParse("425928@bobster.example.org;from-tag=7743 ; to-tag=6472;early-only", out var replaces));
        Assert.Equal(new SipReplaces("425928@bobster.example.org", "6472", "7743", EarlyOnly: true), replaces);
        Assert.Equal("425928@bobster.example.org;to-tag=6472;from-tag=7743;early-only", replaces.ToString());
        Assert.Equal(new SipDialogId("425928@bobster.example.org", "6472", "7743"), replaces.DialogId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abc;to-tag=1")]
    [InlineData(";to-tag=1;from-tag=2")]
    [InlineData("abc;to-tag=;from-tag=2")]
    public void Replaces_without_call_id_or_both_tags_is_refused(string value) =>
        Assert.False(SipReplaces.TryParse(value, out _));

    [Fact]
    public void Replaces_for_the_peer_swaps_the_tags()
    {
        var replaces = SipReplaces.ForPeerOf(new SipDialogId("c1", "mine", "theirs"));

        Assert.Equal(new SipReplaces("c1", "theirs", "mine"), replaces);
        Assert.Equal(new SipDialogId("c1", "theirs", "mine"), replaces.DialogId);
    }

    [Fact]
    public void Refer_To_carries_Replaces_escaped_and_it_round_trips()
    {
        var replaces = new SipReplaces("12345@192.168.118.3", "12345", "5FFE-3994");
        var target = replaces.AddTo(SipUri.Parse("sips:bob@biloxi.example.com"));
        var referTo = new NameAddress(target).ToString();

        Assert.Equal("<sips:bob@biloxi.example.com?Replaces=12345%40192.168.118.3%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994>", referTo);
        var parsed = NameAddress.Parse(referTo);
        Assert.Equal(replaces, SipReplaces.FromUri(parsed.Uri));
        Assert.Equal("sips:bob@biloxi.example.com", parsed.Uri.WithoutHeaders().ToString());
    }

    [Fact]
    public void Refer_To_from_RFC_3891_parses()
    {
        var referTo = NameAddress.Parse("<sip:dave@denver.example.org?Replaces=12345%40192.168.118.3%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994>");

        Assert.Equal(new SipReplaces("12345@192.168.118.3", "12345", "5FFE-3994"), SipReplaces.FromUri(referTo.Uri));
        Assert.Null(SipReplaces.FromUri(SipUri.Parse("sip:dave@denver.example.org")));
    }

    [Theory]
    [InlineData("a;b=c@d", "a%3Bb%3Dc%40d")]
    [InlineData("x y&z%", "x%20y%26z%25")]
    [InlineData("[::1]:5060/+$?", "[::1]:5060/+$?")]
    [InlineData("é", "%C3%A9")]
    public void Uri_header_values_escape_and_unescape(string value, string escaped)
    {
        Assert.Equal(escaped, SipUriHeaders.Escape(value));
        Assert.Equal(value, SipUriHeaders.Unescape(escaped));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%4")]
    [InlineData("%zz")]
    public void Malformed_escapes_are_refused(string value) => Assert.Null(SipUriHeaders.Unescape(value));

    [Fact]
    public void Uri_headers_parse_in_order_and_skip_malformed_ones()
    {
        var uri = SipUri.Parse("sip:a@b?Subject=hi%20there&bad&Replaces=c%3Bto-tag%3D1%3Bfrom-tag%3D2");

        Assert.Equal(
            [new("Subject", "hi there"), new("Replaces", "c;to-tag=1;from-tag=2")],
            SipUriHeaders.Parse(uri));
        Assert.Equal("c;to-tag=1;from-tag=2", SipUriHeaders.Get(uri, "replaces"));
    }
}
