namespace ContactCenter.Storage.Contacts;

/// <summary>Rules of the contact listing shared by both directories.</summary>
internal static class ContactListing
{
    /// <summary>Largest page a listing returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The name-key prefix a search prefix matches: lower-cased like name keys; only leading white space is
    /// dropped, since a trailing space is part of what the user typed ("Ann " does not match "Anna").</summary>
    public static string PrefixKey(string? namePrefix) =>
        string.IsNullOrEmpty(namePrefix) ? string.Empty : namePrefix.TrimStart().ToLowerInvariant();
}
