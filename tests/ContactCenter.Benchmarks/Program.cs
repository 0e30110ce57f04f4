using BenchmarkDotNet.Running;
using ContactCenter.Benchmarks.CallCenter;
using ContactCenter.Benchmarks.Hubs;
using ContactCenter.Benchmarks.Journal;
using ContactCenter.Benchmarks.Latency;
using ContactCenter.Benchmarks.MediaLoad;
using ContactCenter.Benchmarks.SipLoad;

// Modes of our own come first (see each mode's file for its method); anything else goes to BenchmarkDotNet, so
// `--filter`, `--job short`, `--list flat` work as usual.
return args switch
{
    ["latency", ..] => await LatencyRun.RunAsync(args[1..]),
    ["callcenter", ..] => await CallCenterRun.RunAsync(args[1..]),
    ["media-load", ..] => await MediaLoad.RunAsync(args[1..]),
    ["sip-uas", ..] => await SipUasCommand.RunAsync(args[1..]),
    ["hubs", ..] => await HubLatencyRun.RunAsync(args[1..]),
    ["journal", ..] => await JournalLoadRun.RunAsync(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    // Not typeof(Program): ContactCenter.Host (referenced for the hubs mode) has a Program of its own visible here.
    BenchmarkSwitcher.FromAssembly(typeof(LatencyRun).Assembly).Run(args);
    return 0;
}
