using System.Globalization;
using System.Runtime.InteropServices;
using ContactCenter.Sip;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Benchmarks.SipLoad;

/// <summary><c>sip-uas [--bind 127.0.0.1] [--port 5070] [--max-calls 100000]</c>: a UAS on our SIP stack (UDP and TCP
/// on one port) that answers every call, for ops/load/sip-uas.sh to load with sipp. Prints
/// <c>sip-uas ready pid=… udp=… tcp=…</c> once listening and its totals when stopped (SIGTERM or SIGINT).</summary>
public static class SipUasCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var bind = Text(args, "--bind", "127.0.0.1");
        var port = Number(args, "--port", 5070);
        var maxCalls = Number(args, "--max-calls", 100_000);
        var handler = new AnsweringCallHandler();
        using var metrics = new SipMetrics();
        var transport = new SipTransportOptions { BindAddress = bind, UdpPort = port, TcpPort = port };
        await using var stack = SipStack.Start(transport, handler, TimeProvider.System, NullLoggerFactory.Instance, metrics,
            new SipUserAgentOptions { MaxConcurrentIncomingCalls = maxCalls });

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sip-uas ready pid={Environment.ProcessId} udp={stack.LocalEndPoint(SipTransportKind.Udp)} tcp={stack.LocalEndPoint(SipTransportKind.Tcp)} server-gc={System.Runtime.GCSettings.IsServerGC}"));

        await stop.Task;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sip-uas stopped: incoming {handler.Incoming}, answered {handler.Answered}, ended {handler.Ended}, open {stack.UserAgent.IncomingCallCount}"));
        return 0;
    }

    private static string Text(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static int Number(string[] args, string name, int fallback) =>
        int.Parse(Text(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
