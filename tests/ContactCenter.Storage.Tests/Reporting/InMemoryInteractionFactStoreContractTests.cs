using ContactCenter.Contracts.Reporting;
using ContactCenter.Storage.Reporting;

namespace ContactCenter.Storage.Tests.Reporting;

/// <summary>The interaction fact store contract on <see cref="InMemoryInteractionFactStore"/>.</summary>
public sealed class InMemoryInteractionFactStoreContractTests : InteractionFactStoreContractTests
{
    protected override Task<IInteractionFactStore> CreateAsync() =>
        Task.FromResult<IInteractionFactStore>(new InMemoryInteractionFactStore());
}
