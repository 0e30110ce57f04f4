using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace ContactCenter.Cluster.Tests;

/// <summary>One real <c>ContactCenter.Host</c> process (<c>dotnet ContactCenter.Host.dll ...</c>) with its output
/// captured. Disposal kills it if it is still running and writes its output to the test's output.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(100);
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly string _commandLine;

    private HostProcess(Process process, string commandLine)
    {
        _process = process;
        _commandLine = commandLine;
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
    /// <c>Node__*</c>, then <paramref name="environment"/> on top.</summary>
    public static HostProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = HostExecutable.DllPath;
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
        var host = new HostProcess(process, string.Join(' ', start.ArgumentList));
        process.OutputDataReceived += (_, e) => Append(host._stdout, e.Data);
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
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        TestContext.Current.TestOutputHelper?.WriteLine(Describe());
        _process.Dispose();
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
}
