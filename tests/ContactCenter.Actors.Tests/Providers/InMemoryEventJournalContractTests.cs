using ContactCenter.Actors.InMemory;
using ContactCenter.TestSupport;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The journal contract on <see cref="InMemoryEventJournal"/>, on a fake clock.</summary>
public sealed class InMemoryEventJournalContractTests : EventJournalContractTests
{
    protected override Task<EventJournalUnderTest> CreateAsync()
    {
        var clock = new FakeTimeProvider();
        return Task.FromResult(new EventJournalUnderTest(new InMemoryEventJournal(clock), new FakeProviderClock(clock)));
    }
}
