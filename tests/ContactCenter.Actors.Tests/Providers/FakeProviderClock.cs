using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>A provider clock for providers that take a <see cref="TimeProvider"/> (the in-memory ones).</summary>
public sealed class FakeProviderClock(FakeTimeProvider time) : IProviderClock
{
    public FakeTimeProvider Time { get; } = time;

    public Task<DateTimeOffset> GetNowAsync() => Task.FromResult(Time.GetUtcNow());

    public Task AdvanceAsync(TimeSpan delta)
    {
        Time.Advance(delta);
        return Task.CompletedTask;
    }
}
