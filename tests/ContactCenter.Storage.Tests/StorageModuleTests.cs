namespace ContactCenter.Storage.Tests;

public sealed class StorageModuleTests
{
    [Fact]
    public void The_module_name_is_the_one_its_migrations_are_versioned_under() => Assert.Equal("storage", StorageModule.Name);
}
