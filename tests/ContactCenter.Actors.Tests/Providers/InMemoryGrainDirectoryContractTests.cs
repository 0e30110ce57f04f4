using ContactCenter.Actors.InMemory;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The directory contract on <see cref="InMemoryGrainDirectory"/> and the membership table it shares its
/// storage with, on a fake clock.</summary>
public sealed class InMemoryGrainDirectoryContractTests : GrainDirectoryContractTests
{
    protected override Task<GrainDirectoryUnderTest> CreateAsync()
    {
        var clock = new FakeTimeProvider();
        var storage = new InMemoryClusterStorage(clock);
        return Task.FromResult(new GrainDirectoryUnderTest(storage.Directory, storage.Membership, new FakeProviderClock(clock)));
    }
}
