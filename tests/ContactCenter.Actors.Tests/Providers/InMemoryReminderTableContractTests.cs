using ContactCenter.Actors.InMemory;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The reminder contract on <see cref="InMemoryReminderTable"/>.</summary>
public sealed class InMemoryReminderTableContractTests : ReminderTableContractTests
{
    protected override Task<IReminderTable> CreateAsync() => Task.FromResult<IReminderTable>(new InMemoryReminderTable());
}
