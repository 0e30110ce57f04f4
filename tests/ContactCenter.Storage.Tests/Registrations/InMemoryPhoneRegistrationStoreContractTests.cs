using ContactCenter.Storage.Registrations;

namespace ContactCenter.Storage.Tests.Registrations;

/// <summary>The phone registration contract on <see cref="InMemoryPhoneRegistrationStore"/>.</summary>
public sealed class InMemoryPhoneRegistrationStoreContractTests : PhoneRegistrationStoreContractTests
{
    protected override Task<IPhoneRegistrationStore> CreateAsync() => Task.FromResult<IPhoneRegistrationStore>(new InMemoryPhoneRegistrationStore());
}
