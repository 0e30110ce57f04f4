using BenchmarkDotNet.Running;
using ContactCenter.Benchmarks.Latency;

// `-- latency` runs the per-call percentile mode (see Latency/LatencyRun.cs); anything else goes to BenchmarkDotNet,
// so `--filter`, `--job short`, `--list flat` work as usual.
if (args is ["latency", ..])
{
    return await LatencyRun.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
