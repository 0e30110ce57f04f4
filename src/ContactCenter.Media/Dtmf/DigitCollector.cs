using System.Text;

namespace ContactCenter.Media.Dtmf;

/// <summary>Collects DTMF digits for one request: ends on the maximum count, a terminator, or a timeout measured on
/// the injected <see cref="TimeProvider"/>. Digits are fed by the leg's detector; thread-safe, since digits arrive on
/// the receive loop and timeouts on a timer.</summary>
public sealed class DigitCollector : IDisposable
{
    private readonly DigitCollectOptions _options;
    private readonly StringBuilder _digits = new();
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private readonly TaskCompletionSource<DigitCollectResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts collecting; the first-digit timeout runs from now.</summary>
    public DigitCollector(DigitCollectOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDigits);
        _options = options;
        _timer = time.CreateTimer(static s => ((DigitCollector)s!).OnTimeout(), this, options.FirstDigitTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Completes with the collected digits and the reason collection ended.</summary>
    public Task<DigitCollectResult> Result => _result.Task;

    /// <summary>Feeds a detected digit; ignored once collection has ended.</summary>
    public void OnDigit(char digit)
    {
        lock (_lock)
        {
            if (_result.Task.IsCompleted)
            {
                return;
            }
            if (_options.Terminators.Contains(digit, StringComparison.Ordinal))
            {
                Finish(DigitCollectEnd.Terminator);
                return;
            }
            _digits.Append(digit);
            if (_digits.Length >= _options.MaxDigits)
            {
                Finish(DigitCollectEnd.MaxDigits);
                return;
            }
            _timer.Change(_options.InterDigitTimeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Ends the collection with what was collected so far.</summary>
    public void Cancel()
    {
        lock (_lock)
        {
            if (!_result.Task.IsCompleted)
            {
                Finish(DigitCollectEnd.Cancelled);
            }
        }
    }

    /// <summary>Cancels if still running and releases the timer.</summary>
    public void Dispose() => Cancel();

    private void OnTimeout()
    {
        lock (_lock)
        {
            if (!_result.Task.IsCompleted)
            {
                Finish(_digits.Length == 0 ? DigitCollectEnd.NoInput : DigitCollectEnd.InterDigitTimeout);
            }
        }
    }

    private void Finish(DigitCollectEnd end)
    {
        _timer.Dispose();
        _result.TrySetResult(new DigitCollectResult(_digits.ToString(), end));
    }
}
