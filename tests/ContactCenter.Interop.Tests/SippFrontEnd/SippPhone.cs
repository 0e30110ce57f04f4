using System.Globalization;
using ContactCenter.Interop.Tests.Sipp;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.SippFrontEnd;

/// <summary>An agent's phone played by one sipp process: <c>agent-register.xml</c> registers the SIP user with digest
/// auth, and the out-of-call scenario answers the front end's INVITEs (<c>agent-answer.xml</c>) or lets them ring
/// (<c>agent-no-answer.xml</c>). What happened is read from the scenarios' log lines.</summary>
internal sealed class SippPhone : IAsyncDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly SippRun _run;

    private SippPhone(string user, SippRun run)
    {
        User = user;
        _run = run;
    }

    /// <summary>The SIP user the phone registered.</summary>
    public string User { get; }

    /// <summary>Whether the REGISTER was accepted (after the digest challenge).</summary>
    public bool Registered => Count("registered ") > 0;

    /// <summary>INVITEs the phone received (offers rung at it).</summary>
    public int Offers => Count("offered ");

    /// <summary>Offers the phone answered (200 OK, ACK received).</summary>
    public int Answered => Count("answered ");

    /// <summary>Offers cancelled while they rang.</summary>
    public int Cancelled => Count("cancelled ");

    /// <summary>Calls the front end hung up (BYE received).</summary>
    public int HungUpByFrontEnd => Count("far-end BYE ");

    public string Diagnostics => $"--- phone {User}\n{_run.Diagnostics}\n--- its log lines\n{string.Join('\n', _run.LogLines.TakeLast(20))}";

    /// <summary>A phone that answers every INVITE after <paramref name="answerAfter"/> and stays on the call until the front
    /// end hangs up (or, with <paramref name="talk"/>, hangs up itself after that long).</summary>
    public static SippPhone Answering(int frontEndPort, string user, string password, int mediaPort, TimeSpan answerAfter, TimeSpan? talk = null) =>
        Start(frontEndPort, user, password, mediaPort, "agent-answer.xml",
            ["-set", "answer_ms", Milliseconds(answerAfter), "-set", "talk_ms", Milliseconds(talk ?? TimeSpan.FromHours(1))]);

    /// <summary>A phone that rings for every INVITE and is never picked up.</summary>
    public static SippPhone NeverAnswering(int frontEndPort, string user, string password, int mediaPort) =>
        Start(frontEndPort, user, password, mediaPort, "agent-no-answer.xml", []);

    public ValueTask DisposeAsync() => _run.DisposeAsync();

    private static SippPhone Start(int frontEndPort, string user, string password, int mediaPort, string answering, string[] options)
    {
        string[] arguments =
        [
            $"127.0.0.1:{frontEndPort}", "-sf", SippScenarios.Path("agent-register.xml"), "-oocsf", SippScenarios.Path(answering),
            "-s", user, "-ap", password, "-m", "1", "-d", Milliseconds(Lifetime),
            "-i", "127.0.0.1", "-p", LoopbackPorts.UdpAndTcp().ToString(CultureInfo.InvariantCulture),
            "-mp", mediaPort.ToString(CultureInfo.InvariantCulture), .. options,
        ];
        return new SippPhone(user, SippRun.Start($"sipp phone {user}", arguments, Lifetime));
    }

    private int Count(string prefix) => _run.LogLines.Count(l => l.StartsWith(prefix, StringComparison.Ordinal));

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
