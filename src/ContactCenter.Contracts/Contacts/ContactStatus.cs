namespace ContactCenter.Contracts.Contacts;

/// <summary>How the contact center treats a known caller: routing may boost a VIP and refuse a blacklisted
/// caller.</summary>
public enum ContactStatus
{
    /// <summary>No special treatment.</summary>
    None = 0,

    /// <summary>A valued customer: routing may add a caller boost.</summary>
    Vip = 1,

    /// <summary>A caller the center refuses to serve.</summary>
    Blacklisted = 2,
}
