using System.Reflection;

namespace ContactCenter.Drills;

/// <summary>Where the host's build output is and which <c>dotnet</c> runs it. The path is baked into this assembly at
/// build time by the project's <c>EmbedContactCenterHostPath</c> target (the project reference only orders the builds).</summary>
public static class HostExecutable
{
    private const string MetadataKey = "ContactCenter.Host.Path";

    /// <summary>Full path of <c>ContactCenter.Host.dll</c> in the host project's output folder.</summary>
    public static string DllPath { get; } = Locate();

    /// <summary>The <c>dotnet</c> that runs this test process when the SDK set it (<c>DOTNET_HOST_PATH</c>), else the one on PATH.</summary>
    public static string Dotnet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    private static string Locate()
    {
        var path = typeof(HostExecutable).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == MetadataKey)?.Value;
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException($"the test assembly carries no [AssemblyMetadata(\"{MetadataKey}\")]; rebuild ContactCenter.Cluster.Tests");
        }
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} does not exist; build src/ContactCenter.Host (dotnet build builds it with the tests)");
        }
        return path;
    }
}
