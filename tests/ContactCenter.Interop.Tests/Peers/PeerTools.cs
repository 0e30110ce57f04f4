namespace ContactCenter.Interop.Tests.Peers;

/// <summary>Finds the real peers on PATH. Outside CI a missing tool skips the test with the Debian package to install;
/// in CI (<c>CI=true</c>, ops/test.sh installs them) a missing tool fails it. <c>CC_SIPP_PATH</c>,
/// <c>CC_BARESIP_PATH</c>, <c>CC_ESPEAK_PATH</c> and <c>CC_SOX_PATH</c> name a binary elsewhere than on PATH (or a missing one, to try the skip).</summary>
internal static class PeerTools
{
    /// <summary>sipp, from the Debian package <c>sip-tester</c>.</summary>
    public static string Sipp() => Require("sipp", "sip-tester", "CC_SIPP_PATH");

    /// <summary>baresip, from the Debian package <c>baresip-core</c>.</summary>
    public static string Baresip() => Require("baresip", "baresip-core", "CC_BARESIP_PATH");

    /// <summary>espeak-ng (text-to-speech for generated prompts), from the Debian package <c>espeak-ng</c>.</summary>
    public static string Espeak() => Require("espeak-ng", "espeak-ng", "CC_ESPEAK_PATH");

    /// <summary>sox (resamples generated prompts), from the Debian package <c>sox</c>.</summary>
    public static string Sox() => Require("sox", "sox", "CC_SOX_PATH");

    public static bool InCi =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0";

    private static string Require(string tool, string package, string overrideVariable)
    {
        var configured = Environment.GetEnvironmentVariable(overrideVariable);
        var path = string.IsNullOrEmpty(configured) ? Find(tool) : File.Exists(configured) ? configured : null;
        if (path is not null)
        {
            return path;
        }
        var reason = $"{tool} is not installed: apt-get install -y --no-install-recommends {package} (ops/test.sh does)";
        if (InCi)
        {
            throw new InvalidOperationException($"CI must provide {tool}; {reason}");
        }
        Assert.Skip(reason);
        throw new InvalidOperationException("unreachable: Assert.Skip throws");
    }

    private static string? Find(string tool)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Append("/usr/local/bin");
        return directories.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
    }
}
