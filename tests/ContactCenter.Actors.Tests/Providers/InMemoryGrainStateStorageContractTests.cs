using ContactCenter.Actors.InMemory;

namespace ContactCenter.Actors.Tests.Providers;

/// <summary>The state storage contract on <see cref="InMemoryGrainStateStorage"/>.</summary>
public sealed class InMemoryGrainStateStorageContractTests : GrainStateStorageContractTests
{
    protected override Task<IGrainStateStorage> CreateAsync() => Task.FromResult<IGrainStateStorage>(new InMemoryGrainStateStorage());
}
