namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The clock a provider under test stamps its times with (the database's clock for a SQL provider), as the
/// contract suites need it: read it, and move it forward without waiting. The suites never compare it with the wall
/// clock.</summary>
public interface IProviderClock
{
    /// <summary>The provider's now.</summary>
    Task<DateTimeOffset> GetNowAsync();

    /// <summary>Moves the provider's clock forward by <paramref name="delta"/>.</summary>
    Task AdvanceAsync(TimeSpan delta);
}
