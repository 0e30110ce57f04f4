namespace ContactCenter.Interop.Tests.SippFrontEnd;

/// <summary>The sipp scenarios of <c>samples/sipp</c> (callers and agents' phones for the front end), read where they
/// are checked in: the folder is found by walking up from the test assembly to the repository.</summary>
internal static class SippScenarios
{
    private static readonly Lazy<string> Folder = new(Find);

    /// <summary>The RFC 4733 key pcaps and the PCMA audio pcap that the sip-tester package ships.</summary>
    public const string PcapFolder = "/usr/share/sip-tester";

    /// <summary>The path of a scenario of <c>samples/sipp</c>.</summary>
    public static string Path(string fileName) => System.IO.Path.Combine(Folder.Value, fileName);

    /// <summary>The pcap of one RFC 4733 key (<c>0</c>-<c>9</c>, <c>star</c>, <c>pound</c>).</summary>
    public static string Key(string key) => Pcap($"dtmf_2833_{key}.pcap");

    /// <summary>Seven seconds of PCMA speech: what a caller says, so the front end keeps hearing it.</summary>
    public static string Audio => Pcap("g711a.pcap");

    private static string Pcap(string fileName)
    {
        var path = System.IO.Path.Combine(PcapFolder, fileName);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: the sip-tester package ships it (apt-get install -y --no-install-recommends sip-tester)");
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "samples", "sipp");
            if (File.Exists(System.IO.Path.Combine(candidate, "caller-queue.xml")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"samples/sipp not found above {AppContext.BaseDirectory}: the tests run from the repository's build output");
    }
}
