namespace ContactCenter.Actors.Tests.Providers;

/// <summary>A grain directory on fresh storage with the membership table it consults to decide whether an owner is
/// dead, and that table's clock.</summary>
public sealed record GrainDirectoryUnderTest(IGrainDirectory Directory, IMembershipTable Membership, IProviderClock Clock);
