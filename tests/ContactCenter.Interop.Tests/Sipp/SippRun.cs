using ContactCenter.Interop.Tests.Peers;

namespace ContactCenter.Interop.Tests.Sipp;

/// <summary>One sipp process in its own temporary folder, with statistics (<c>-trace_stat</c>), unexpected messages
/// (<c>-trace_err</c>) and scenario <c>&lt;log&gt;</c> lines (<c>-trace_logs</c>) written there. sipp exits 0 when
/// every call succeeded, 1 when some failed, 99 when none ran.</summary>
internal sealed class SippRun : IAsyncDisposable
{
    private readonly PeerProcess _process;

    private SippRun(string folder, PeerProcess process)
    {
        Folder = folder;
        _process = process;
    }

    public string Folder { get; }

    public PeerProcess Process => _process;

    public SippStatistics? Statistics => SippStatistics.TryRead(Path.Combine(Folder, "stat.csv"));

    /// <summary>The lines written by the scenario's <c>&lt;log&gt;</c> actions.</summary>
    public IReadOnlyList<string> LogLines
    {
        get
        {
            var path = Path.Combine(Folder, "logs.log");
            return File.Exists(path) ? File.ReadAllLines(path) : [];
        }
    }

    /// <summary>The peer's side of a failure message: its statistics, the last unexpected messages and its output.</summary>
    public string Diagnostics
    {
        get
        {
            var errors = Path.Combine(Folder, "errors.log");
            var errorTail = File.Exists(errors) ? string.Join('\n', File.ReadLines(errors).TakeLast(30)) : "(no unexpected messages)";
            return $"{Statistics?.ToString() ?? "sipp: no statistics file"}\n--- sipp unexpected messages\n{errorTail}\n{_process.Tail(25)}";
        }
    }

    /// <summary>Path of a scenario file copied next to the test assembly.</summary>
    public static string Scenario(string fileName) => Path.Combine(AppContext.BaseDirectory, "Scenarios", fileName);

    /// <summary>Starts sipp with <paramref name="arguments"/> plus no stdin, a global timeout and the trace files.</summary>
    public static SippRun Start(string name, IEnumerable<string> arguments, TimeSpan globalTimeout)
    {
        var sipp = PeerTools.Sipp();
        var folder = Directory.CreateTempSubdirectory("cc-interop-sipp-").FullName;
        string[] common =
        [
            "-nostdin",
            "-timeout", $"{(int)globalTimeout.TotalSeconds}s", "-timeout_error",
            "-trace_stat", "-stf", "stat.csv", "-fd", "1",
            "-trace_err", "-error_file", "errors.log",
            "-trace_logs", "-log_file", "logs.log",
        ];
        return new SippRun(folder, PeerProcess.Start(name, sipp, [.. arguments, .. common], folder));
    }

    /// <summary>Waits for sipp to finish by itself (its own timeout stops it; this one kills a stuck process).</summary>
    public Task<int?> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _process.WaitForExitAsync(timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying process: the temporary folder is left behind.
        }
    }
}
