using ContactCenter.Contracts.Contacts;

namespace ContactCenter.Storage.Tests.Contacts;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("Anna.Nowak@Example.COM", "anna.nowak@example.com")]
    [InlineData(" anna@example.com ", "anna@example.com")]
    [InlineData("anna@example.com", "anna@example.com")]
    public void The_key_ignores_case_and_surrounding_space(string address, string key) =>
        Assert.Equal(key, EmailAddress.Key(address));

    [Theory]
    [InlineData("anna@example.com", true)]
    [InlineData("a.b+tag@sub.example.co.uk", true)]
    [InlineData("ANNA@EXAMPLE.COM", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("anna", false)]
    [InlineData("anna@", false)]
    [InlineData("@example.com", false)]
    [InlineData("anna@example", false)]
    [InlineData("anna@example.", false)]
    [InlineData("anna@@example.com", false)]
    [InlineData("an na@example.com", false)]
    [InlineData(" anna@example.com", false)]
    [InlineData("anna@exa..mple.com", false)]
    public void Shape_check(string? address, bool wellFormed) => Assert.Equal(wellFormed, EmailAddress.IsWellFormed(address));

    [Fact]
    public void Addresses_longer_than_the_smtp_limit_are_rejected()
    {
        var domain = "@example.com";
        Assert.True(EmailAddress.IsWellFormed(new string('a', ContactLimits.EmailLength - domain.Length) + domain));
        Assert.False(EmailAddress.IsWellFormed(new string('a', ContactLimits.EmailLength - domain.Length + 1) + domain));
    }
}
