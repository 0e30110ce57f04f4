using ContactCenter.Contracts.Contacts;

namespace ContactCenter.Storage.Tests.Contacts;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+48225550102", "+48225550102")]
    [InlineData("+48 22 555 01 02", "+48225550102")]
    [InlineData("+48 (22) 555-01-02", "+48225550102")]
    [InlineData("(022) 555.01.02", "0225550102")]
    [InlineData("  0048 22 555 01 02  ", "0048225550102")]
    [InlineData("+1\t(212)\u00A0555-0100", "+12125550100")]
    [InlineData("112", "112")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("+12345678901234567890", "+12345678901234567890")]
    public void Formatting_is_dropped_and_a_leading_plus_kept(string input, string expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+")]
    [InlineData("12")]
    [InlineData("+1 2")]
    [InlineData("123456789012345678901")]
    [InlineData("anonymous")]
    [InlineData("+48 22 555 CALL")]
    [InlineData("1-800-FLOWERS")]
    [InlineData("48+225550102")]
    [InlineData("++48225550102")]
    [InlineData("+48 22 555 01 02 ext 5")]
    [InlineData("+48/22/5550102")]
    [InlineData("+48225550102#")]
    [InlineData("٤٨٢٢٥٥٥٠١٠٢")]
    public void Letters_misplaced_plus_signs_other_symbols_and_wrong_lengths_are_rejected(string? input)
    {
        Assert.Null(PhoneNumber.Normalize(input));
        Assert.False(PhoneNumber.TryNormalize(input, out var normalized));
        Assert.Equal(string.Empty, normalized);
    }

    [Fact]
    public void Normalising_is_idempotent()
    {
        var once = PhoneNumber.Normalize("+48 (22) 555-01-02");
        Assert.Equal(once, PhoneNumber.Normalize(once));
        Assert.True(PhoneNumber.TryNormalize("+48 (22) 555-01-02", out var normalized));
        Assert.Equal("+48225550102", normalized);
    }
}
