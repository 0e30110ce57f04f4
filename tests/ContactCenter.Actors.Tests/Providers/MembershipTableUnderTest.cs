namespace ContactCenter.Actors.Tests.Providers;

/// <summary>A membership table on fresh storage, with the clock it compares heartbeats on.</summary>
public sealed record MembershipTableUnderTest(IMembershipTable Table, IProviderClock Clock);
