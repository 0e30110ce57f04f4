namespace ContactCenter.Actors.Drills;

/// <summary>An observer a drill client attaches to a <see cref="IDrillGrain"/>, to prove that a call to it fails fast
/// once the client's process is gone.</summary>
public interface IDrillObserver : IGrainObserver
{
    Task NotifyAsync(string message);
}
