namespace ContactCenter.Storage.Registrations;

/// <summary>The checks both providers make on a write, so they refuse the same arguments.</summary>
internal static class PhoneRegistrationArguments
{
    public static void Validate(string addressOfRecord, string user, IReadOnlyList<PhoneBinding> bindings)
    {
        ArgumentException.ThrowIfNullOrEmpty(addressOfRecord);
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentNullException.ThrowIfNull(bindings);
        foreach (var binding in bindings)
        {
            ArgumentNullException.ThrowIfNull(binding, nameof(bindings));
            if (!string.Equals(binding.AddressOfRecord, addressOfRecord, StringComparison.Ordinal))
            {
                throw new ArgumentException($"a binding of {binding.AddressOfRecord} cannot be stored under {addressOfRecord}", nameof(bindings));
            }
        }
    }

    /// <summary>When the first of <paramref name="bindings"/> lapses (where a purge must look next).</summary>
    public static DateTimeOffset NextExpiry(IEnumerable<PhoneBinding> bindings) => bindings.Min(b => b.ExpiresAt);
}
