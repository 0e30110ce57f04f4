using ContactCenter.Storage.Contacts;
using ContactCenter.TestSupport;

namespace ContactCenter.Storage.Tests.Contacts;

/// <summary>A contact directory with the fake clock it stamps contacts with.</summary>
public sealed record ContactDirectoryUnderTest(IContactDirectory Directory, FakeTimeProvider Clock);
