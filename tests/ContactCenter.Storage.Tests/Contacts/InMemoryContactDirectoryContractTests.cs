using ContactCenter.Storage.Contacts;
using ContactCenter.TestSupport;

namespace ContactCenter.Storage.Tests.Contacts;

/// <summary>The contact directory contract on <see cref="InMemoryContactDirectory"/>, on a fake clock.</summary>
public sealed class InMemoryContactDirectoryContractTests : ContactDirectoryContractTests
{
    protected override Task<ContactDirectoryUnderTest> CreateAsync()
    {
        var clock = new FakeTimeProvider();
        return Task.FromResult(new ContactDirectoryUnderTest(new InMemoryContactDirectory(clock), clock));
    }
}
