using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ContactCenter.Drills;

/// <summary>One real <c>ContactCenter.Host</c> process (<c>dotnet ContactCenter.Host.dll ...</c>), or another .NET program
/// of ours, with its output captured. Disposal kills it if it is still running and hands its output to the
/// <c>report</c> callback given at start.</summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(100);
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<(DateTimeOffset Time, string Line)> _lines = [];
    private readonly string _commandLine;
    private readonly Action<string>? _report;

    private HostProcess(Process process, string commandLine, Action<string>? report)
    {
        _process = process;
        _commandLine = commandLine;
        _report = report;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the host with <paramref name="args"/>. The child gets this process's environment without
    /// <c>ConnectionStrings__ContactCenter</c> (ops/test.sh exports it for its throwaway PostgreSQL) and without
    /// <c>Node__*</c>, then <paramref name="environment"/> on top. <paramref name="report"/> receives
    /// <see cref="Describe"/> when the process is disposed.</summary>
    public static HostProcess Start(
        IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, Action<string>? report = null) =>
        StartDll(HostExecutable.DllPath, args, environment, report);

    /// <summary>As <see cref="Start"/>, for any framework-dependent program of ours (<c>dotnet dll args</c>).</summary>
    public static HostProcess StartDll(
        string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, Action<string>? report = null)
    {
        var start = new ProcessStartInfo(HostExecutable.Dotnet)
        {
            // The host's content root (appsettings.json) is its working directory.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in start.Environment.Keys.Where(k =>
                     k.Equals("ConnectionStrings__ContactCenter", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Node__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var host = new HostProcess(process, string.Join(' ', start.ArgumentList), report);
        process.OutputDataReceived += (_, e) => host.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => Append(host._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Polls <paramref name="condition"/> (exceptions count as false) until it holds; fails at once if the
    /// process exits, and after <paramref name="timeout"/> naming <paramref name="what"/> and the process output.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                last = exception;
            }
            if (HasExited)
            {
                throw new InvalidOperationException($"waiting for {what}: the host exited with code {_process.ExitCode}{Environment.NewLine}{Describe()}");
            }
            if (clock.Elapsed > timeout)
            {
                var error = last is null ? "" : $" (last error: {last.GetType().Name}: {last.Message})";
                throw new TimeoutException($"waited {timeout} for {what}{error}{Environment.NewLine}{Describe()}");
            }
            await Task.Delay(PollPeriod, cancellationToken);
        }
    }

    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what, cancellationToken);

    /// <summary>Waits until the node's <c>GET /health/ready</c> on 127.0.0.1:<paramref name="httpPort"/> answers 200.</summary>
    public async Task WaitReadyAsync(int httpPort, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(5) };
        await WaitUntilAsync(
            async () => (await http.GetAsync("/health/ready", cancellationToken)).StatusCode == HttpStatusCode.OK,
            timeout, $"GET /health/ready on port {httpPort} to answer 200", cancellationToken);
    }

    /// <summary>The silo address the process announced on its output (<c>Silo host:port@generation (site) is up</c>);
    /// throws if it announced none.</summary>
    public string AnnouncedSiloAddress()
    {
        var up = SiloUpLine().Match(StandardOutput);
        return up.Success
            ? up.Groups["address"].Value
            : throw new InvalidOperationException($"the node never printed 'Silo <address> (<site>) is up'{Environment.NewLine}{Describe()}");
    }

    /// <summary>Waits for the process to exit (and its output to drain); returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the host did not exit within {timeout}{Environment.NewLine}{Describe()}");
        }
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as systemd does on stop (<see cref="Process.Kill()"/> would send SIGKILL).</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {Id} exited with code {kill.ExitCode}");
        }
    }

    /// <summary>The command line and everything the process wrote, for failure messages.</summary>
    public string Describe() =>
        $"$ dotnet {_commandLine}{Environment.NewLine}--- stdout ---{Environment.NewLine}{StandardOutput}--- stderr ---{Environment.NewLine}{StandardError}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _report?.Invoke(Describe());
        _process.Dispose();
    }

    /// <summary>Every line of standard output so far, with when this process read it.</summary>
    public IReadOnlyList<(DateTimeOffset Time, string Line)> OutputLines()
    {
        lock (_stdout)
        {
            return [.. _lines];
        }
    }

    /// <summary>When the process first wrote a line of output containing <paramref name="text"/> (as this process
    /// read it, so a little after), or null.</summary>
    public DateTimeOffset? FirstOutput(string text)
    {
        lock (_stdout)
        {
            foreach (var (time, line) in _lines)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return time;
                }
            }
        }
        return null;
    }

    /// <summary>Sends SIGKILL: the process ends at once, without running any of its code.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_stdout)
        {
            _stdout.AppendLine(line);
            _lines.Add((DateTimeOffset.UtcNow, line));
        }
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    [GeneratedRegex(@"^Silo (?<address>\S+) \(\S+\) is up", RegexOptions.Multiline)]
    private static partial Regex SiloUpLine();
}
