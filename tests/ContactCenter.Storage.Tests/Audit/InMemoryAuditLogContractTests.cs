using ContactCenter.Storage.Audit;

namespace ContactCenter.Storage.Tests.Audit;

/// <summary>The audit log contract on <see cref="InMemoryAuditLog"/>.</summary>
public sealed class InMemoryAuditLogContractTests : AuditLogContractTests
{
    protected override Task<IAuditLog> CreateAsync(TimeProvider clock) => Task.FromResult<IAuditLog>(new InMemoryAuditLog(clock));
}
