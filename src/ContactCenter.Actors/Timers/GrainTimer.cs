using ContactCenter.Actors.Activation;
using ContactCenter.Actors.Diagnostics;

namespace ContactCenter.Actors.Timers;

/// <summary>A timer whose ticks run as turns of their activation. A tick is skipped while the previous one is still
/// queued or running, and ticks never count as activity for idle collection.</summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly TimeSpan _dueTime;
    private readonly TimeSpan _period;
    private readonly CancellationTokenSource _disposed = new();
    private ITimer? _timer;
    private readonly Action? _onDisposed;
    private int _tickOutstanding;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period,
        Action? onDisposed = null)
    {
        _activation = activation;
        _callback = callback;
        _dueTime = dueTime;
        _period = period;
        _onDisposed = onDisposed;
    }

    public void Start() =>
        _timer = _activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnTick(), this, _dueTime, _period);

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }
        _disposed.Cancel();
        _timer?.Dispose();
        _activation.RemoveTimer(this);
        _onDisposed?.Invoke();
    }

    /// <summary>Ticks now, as if the time had come (a watched process died).</summary>
    public void Fire() => OnTick();

    private void OnTick()
    {
        if (_disposed.IsCancellationRequested || Interlocked.Exchange(ref _tickOutstanding, 1) == 1)
        {
            return;
        }
        if (!_activation.TryEnqueue(new TickWorkItem(this), pumpInline: false))
        {
            Dispose();
        }
    }

    private sealed class TickWorkItem(GrainTimer timer) : WorkItem
    {
        public override bool CountsAsActivity => false;

        public override async Task ExecuteAsync(ActivationData activation)
        {
            try
            {
                if (!timer._disposed.IsCancellationRequested)
                {
                    await timer._callback(timer._disposed.Token).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (!timer._disposed.IsCancellationRequested)
            {
                activation.Runtime.Log.TimerFailed(activation.Id, exception);
            }
            catch (OperationCanceledException)
            {
                // Disposed during the tick.
            }
            finally
            {
                Volatile.Write(ref timer._tickOutstanding, 0);
            }
        }

        public override void Reject(SiloAddress? movedTo, Exception? failure) => timer.Dispose();
    }
}
