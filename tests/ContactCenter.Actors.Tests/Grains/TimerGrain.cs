namespace ContactCenter.Actors.Tests.Grains;

public sealed class TimerGrain : Grain, ITimerGrain
{
    private IDisposable? _timer;
    private int _ticks;
    private bool _inTick;

    public Task Start(TimeSpan period)
    {
        _timer?.Dispose();
        _timer = RegisterGrainTimer(async _ =>
        {
            if (_inTick)
            {
                throw new InvalidOperationException("timer ticks overlapped");
            }
            _inTick = true;
            await Task.Yield();
            _ticks++;
            _inTick = false;
        }, period, period);
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public Task Stop()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }
}
