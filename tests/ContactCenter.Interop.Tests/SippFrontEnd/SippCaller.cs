using System.Globalization;
using ContactCenter.Interop.Tests.Sipp;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.SippFrontEnd;

/// <summary>One caller played by a sipp process running a scenario of <c>samples/sipp</c>, placing one call whose
/// Call-ID is known beforehand (<c>-cid_str</c>), so a test can find the call grain while the front end holds the
/// call.</summary>
internal sealed class SippCaller : IAsyncDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly SippRun _run;

    private SippCaller(string sipCallId, SippRun run)
    {
        SipCallId = sipCallId;
        _run = run;
    }

    /// <summary>The SIP Call-ID of the call.</summary>
    public string SipCallId { get; }

    /// <summary>Whether the front end answered (200 OK).</summary>
    public bool Answered => _run.LogLines.Any(l => l.StartsWith("answered ", StringComparison.Ordinal));

    /// <summary>Whether the call is over on the caller's side: it hung up, or the front end did.</summary>
    public bool HungUp => _run.LogLines.Any(l => l.StartsWith("caller BYE ", StringComparison.Ordinal) || l.StartsWith("far-end BYE ", StringComparison.Ordinal));

    public SippRun Run => _run;

    public string Diagnostics => $"--- caller {SipCallId}\n{_run.Diagnostics}\n--- its log lines\n{string.Join('\n', _run.LogLines.TakeLast(20))}";

    /// <summary>caller-queue.xml: dials <paramref name="number"/> and hangs up after <paramref name="onTheLine"/>.</summary>
    public static SippCaller Queue(int frontEndPort, string number, string name, int mediaPort, TimeSpan onTheLine) =>
        Start(frontEndPort, number, name, mediaPort, "caller-queue.xml",
            ["-key", "audio", SippScenarios.Audio, "-set", "talk_ms", Milliseconds(onTheLine)]);

    /// <summary>caller-ivr.xml: dials the IVR <paramref name="number"/>, presses <paramref name="key"/> after
    /// <paramref name="keyAfter"/>, and hangs up after <paramref name="onTheLine"/> more.</summary>
    public static SippCaller Ivr(int frontEndPort, string number, string name, int mediaPort, string key, TimeSpan keyAfter, TimeSpan onTheLine) =>
        Start(frontEndPort, number, name, mediaPort, "caller-ivr.xml",
        [
            "-key", "dtmf", SippScenarios.Key(key), "-key", "audio", SippScenarios.Audio,
            "-set", "dtmf_ms", Milliseconds(keyAfter), "-set", "talk_ms", Milliseconds(onTheLine),
        ]);

    /// <summary>Waits for sipp to end by itself (the call is over); its exit code, or null when it was killed.</summary>
    public Task<int?> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _run.WaitForExitAsync(timeout, cancellationToken);

    public ValueTask DisposeAsync() => _run.DisposeAsync();

    private static SippCaller Start(int frontEndPort, string number, string name, int mediaPort, string scenario, string[] options)
    {
        // sipp's [call_id] is -cid_str with %u the call number: the one call is "<name>-1@127.0.0.1".
        var sipCallId = $"{name}-1@127.0.0.1";
        string[] arguments =
        [
            $"127.0.0.1:{frontEndPort}", "-sf", SippScenarios.Path(scenario), "-s", number, "-m", "1",
            "-cid_str", $"{name}-%u@%s", "-i", "127.0.0.1", "-p", LoopbackPorts.UdpAndTcp().ToString(CultureInfo.InvariantCulture),
            "-mp", mediaPort.ToString(CultureInfo.InvariantCulture), .. options,
        ];
        return new SippCaller(sipCallId, SippRun.Start($"sipp {name}", arguments, Lifetime));
    }

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
