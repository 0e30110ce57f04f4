using System.Diagnostics;
using System.Text;

namespace ContactCenter.Interop.Tests.Peers;

/// <summary>A real peer (sipp, baresip) run as a child process: no stdin, stdout and stderr kept (the last lines) for
/// failure messages, killed with its process tree when disposed before it exited.</summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    private const int KeptLines = 300;
    private const int KeptLineLength = 400;

    private readonly Process _process;
    private readonly Queue<string> _lines = new();

    private PeerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>What the test calls this peer in messages (e.g. <c>sipp uac</c>).</summary>
    public string Name { get; }

    public int Id => _process.Id;

    public string CommandLine => $"{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)}";

    public bool HasExited => _process.HasExited;

    public static PeerProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var peer = new PeerProcess(process, name);
        process.OutputDataReceived += (_, e) => peer.Keep(e.Data, "");
        process.ErrorDataReceived += (_, e) => peer.Keep(e.Data, "err: ");
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name}: could not start {fileName}");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>Waits for the process to exit by itself; null when it did not within <paramref name="timeout"/> (it
    /// is killed then).</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await KillAsync();
            return null;
        }
        // WaitForExitAsync also waits for the end of the redirected streams, so the tail is complete here.
        return _process.ExitCode;
    }

    /// <summary>The last lines the peer wrote, for an assertion message.</summary>
    public string Tail(int lines = 40)
    {
        lock (_lines)
        {
            var text = new StringBuilder();
            text.Append("--- ").Append(Name).Append(" (pid ").Append(_process.Id).Append(") ").Append(CommandLine).AppendLine();
            foreach (var line in _lines.Skip(Math.Max(0, _lines.Count - lines)))
            {
                text.AppendLine(line);
            }
            return text.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // Never started, already reaped, or stuck in the kernel: nothing more a test can do.
        }
    }

    private void Keep(string? line, string prefix)
    {
        if (line is null)
        {
            return;
        }
        if (line.Length > KeptLineLength)
        {
            // baresip redraws its call status with carriage returns: keep the end of such a line.
            line = "…" + line[^KeptLineLength..];
        }
        lock (_lines)
        {
            _lines.Enqueue(prefix + line);
            while (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
