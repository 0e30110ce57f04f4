namespace ContactCenter.Storage.Registrations;

/// <summary>The live bindings of one address-of-record and the version read with them.</summary>
/// <param name="Version">The version to pass back to <see cref="IPhoneRegistrationStore.TryReplaceAsync"/>; 0 when
/// nothing is stored.</param>
/// <param name="Bindings">The bindings not expired at the time of reading, in the order they were written.</param>
public sealed record PhoneRegistration(long Version, IReadOnlyList<PhoneBinding> Bindings)
{
    /// <summary>Nothing stored.</summary>
    public static PhoneRegistration None { get; } = new(0, []);
}
