namespace ContactCenter.Storage;

/// <summary>The storage module's name in the migration runner's version table.</summary>
public static class StorageModule
{
    public const string Name = "storage";
}
