using System.Collections.Concurrent;
using ContactCenter.Actors;
using ContactCenter.Actors.Drills;

namespace ContactCenter.Drills;

/// <summary>A steady load of appends from the client: one loop per grain, each appending the next sequence once per
/// period (staggered so the total rate is even). A failed call is retried with the same sequence (appends are
/// idempotent); only an answered append counts as acknowledged.</summary>
public sealed class DrillLoad
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);
    private readonly IGrainFactory _grains;
    private readonly IReadOnlyList<string> _keys;
    private readonly TimeSpan _period;
    private readonly long[] _acknowledged;
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly ConcurrentDictionary<string, string> _errorSamples = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _gaps = [];
    private Task _loops = Task.CompletedTask;

    public DrillLoad(IGrainFactory grains, IReadOnlyList<string> keys, double appendsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _grains = grains;
        _keys = keys;
        _period = TimeSpan.FromSeconds(keys.Count / appendsPerSecond);
        _acknowledged = new long[keys.Count];
    }

    /// <summary>The highest acknowledged sequence per grain, in the order of the keys.</summary>
    public IReadOnlyList<long> Acknowledged => _acknowledged;

    public long TotalAcknowledged => _acknowledged.Sum();

    /// <summary>Failed calls by exception type (retried).</summary>
    public IReadOnlyDictionary<string, int> Errors => _errors;

    /// <summary>The first message seen for each exception type of <see cref="Errors"/>.</summary>
    public IReadOnlyDictionary<string, string> ErrorSamples => _errorSamples;

    /// <summary>Grains whose journal missed an acknowledged append (the grain reported a gap).</summary>
    public IReadOnlyList<string> Gaps
    {
        get
        {
            lock (_gaps)
            {
                return [.. _gaps];
            }
        }
    }

    public void Start()
    {
        var start = DateTimeOffset.UtcNow;
        _loops = Task.WhenAll(_keys.Select((key, index) =>
            RunAsync(key, index, start + _period * index / _keys.Count)));
    }

    /// <summary>Stops issuing appends and waits for the ones in flight.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loops;
    }

    private async Task RunAsync(string key, int index, DateTimeOffset due)
    {
        var grain = _grains.GetGrain<IDrillGrain>(key);
        while (!_stop.IsCancellationRequested)
        {
            if (!await DelayUntilAsync(due))
            {
                return;
            }
            due += _period;
            var sequence = _acknowledged[index] + 1;
            while (true)
            {
                try
                {
                    await grain.AppendAsync(sequence);
                    Volatile.Write(ref _acknowledged[index], sequence);
                    break;
                }
                catch (DrillGapException)
                {
                    lock (_gaps)
                    {
                        _gaps.Add(key);
                    }
                    return;
                }
                catch (Exception exception)
                {
                    _errors.AddOrUpdate(exception.GetType().Name, 1, (_, n) => n + 1);
                    _errorSamples.TryAdd(exception.GetType().Name, exception.Message);
                    if (!await DelayUntilAsync(DateTimeOffset.UtcNow + RetryDelay))
                    {
                        return;
                    }
                }
            }
        }
    }

    private async Task<bool> DelayUntilAsync(DateTimeOffset due)
    {
        var wait = due - DateTimeOffset.UtcNow;
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _stop.Token);
            }
            return !_stop.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
