using ContactCenter.Storage.Documents;

namespace ContactCenter.Storage.Tests.Documents;

/// <summary>The document store contract on <see cref="InMemoryDocumentStore"/>.</summary>
public sealed class InMemoryDocumentStoreContractTests : DocumentStoreContractTests
{
    protected override Task<IDocumentStore> CreateAsync() => Task.FromResult<IDocumentStore>(new InMemoryDocumentStore());
}
