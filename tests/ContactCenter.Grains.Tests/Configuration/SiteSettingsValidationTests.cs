using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Tests.Configuration;

public sealed class SiteSettingsValidationTests
{
    [Fact]
    public void The_defaults_are_valid_and_alerts_may_be_switched_off()
    {
        Assert.True(DocumentValidator.Validate(new SiteSettings()).IsValid);
        Assert.Equal(TimeSpan.FromMinutes(15), new SiteSettings().LongInteractionAlertAfter);
        Assert.Equal("contactcenter", new SiteSettings().SipRealm);
        Assert.True(DocumentValidator.Validate(new SiteSettings { LongInteractionAlertAfter = null }).IsValid);
    }

    [Theory]
    [InlineData("longInteractionAlertAfter")]
    [InlineData("sipRealm")]
    public void A_bad_value_is_named_by_its_field(string field)
    {
        var settings = field == "sipRealm"
            ? new SiteSettings { SipRealm = "contact\"center" }
            : new SiteSettings { LongInteractionAlertAfter = TimeSpan.Zero };

        Assert.Equal([field], DocumentValidator.Validate(settings).Errors.Keys);
    }
}
