namespace ContactCenter.Benchmarks.Grains;

[PreferLocalPlacement]
public sealed class CallerGrain : Grain, ICallerGrain
{
    // Transient: a reference is cheap to recreate; holding it keeps the runtime's cached-activation fast path warm.
    private IPingGrain? _target;

    public async Task<int> CallPing(int count)
    {
        _target ??= GrainFactory.GetGrain<IPingGrain>($"{GetPrimaryKeyString()}-target");
        var sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += await _target.Ping(1);
        }
        return sum;
    }
}
