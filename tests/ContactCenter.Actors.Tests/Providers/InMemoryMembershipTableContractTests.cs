using ContactCenter.Actors.InMemory;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The membership contract on <see cref="InMemoryMembershipTable"/>, on a fake clock.</summary>
public sealed class InMemoryMembershipTableContractTests : MembershipTableContractTests
{
    protected override Task<MembershipTableUnderTest> CreateAsync()
    {
        var clock = new FakeTimeProvider();
        var storage = new InMemoryClusterStorage(clock);
        return Task.FromResult(new MembershipTableUnderTest(storage.Membership, new FakeProviderClock(clock)));
    }
}
