using ContactCenter.Media.Dtmf;
using ContactCenter.TestSupport;

namespace ContactCenter.Media.Tests.Dtmf;

public sealed class DigitCollectorTests
{
    private readonly FakeTimeProvider _time = new();

    private DigitCollector Collect(int max = 4, string terminators = "#") =>
        new(new DigitCollectOptions { MaxDigits = max, Terminators = terminators }, _time);

    [Fact]
    public async Task Ends_at_max_digits()
    {
        using var collector = Collect(max: 3);
        foreach (var d in "1234")
        {
            collector.OnDigit(d);
        }
        Assert.Equal(new DigitCollectResult("123", DigitCollectEnd.MaxDigits), await collector.Result);
    }

    [Fact]
    public async Task Ends_at_a_terminator_which_is_not_kept()
    {
        using var collector = Collect();
        collector.OnDigit('4');
        collector.OnDigit('2');
        collector.OnDigit('#');
        Assert.Equal(new DigitCollectResult("42", DigitCollectEnd.Terminator), await collector.Result);
    }

    [Fact]
    public async Task No_input_after_the_first_digit_timeout()
    {
        using var collector = Collect();
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(collector.Result.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(new DigitCollectResult("", DigitCollectEnd.NoInput), await collector.Result);
    }

    [Fact]
    public async Task Inter_digit_timeout_restarts_with_each_digit()
    {
        using var collector = Collect();
        collector.OnDigit('7');
        _time.Advance(TimeSpan.FromSeconds(2.9));
        collector.OnDigit('8');
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(collector.Result.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(new DigitCollectResult("78", DigitCollectEnd.InterDigitTimeout), await collector.Result);
        collector.OnDigit('9');
        Assert.Equal("78", (await collector.Result).Digits);
    }

    [Fact]
    public async Task Cancel_returns_what_was_collected()
    {
        var collector = Collect();
        collector.OnDigit('5');
        collector.Dispose();
        Assert.Equal(new DigitCollectResult("5", DigitCollectEnd.Cancelled), await collector.Result);
    }
}
