#!/usr/bin/env python3
# Usage: ops/load/cpu-profile.py trace.speedscope.json [--top 40] [--filter TEXT] — CPU hotspots from a dotnet-trace
# sample profile (dotnet-trace collect -p PID --profile cpu-sampling, then dotnet-trace convert --format Speedscope).
#
# (collect with --profile dotnet-sampled-thread-time; "cpu-sampling" needs collect-linux, which needs perf events.)
# The sample profiler takes every thread's stack, waiting or not, and marks each sample CPU_TIME (the thread was in
# managed code) or UNMANAGED_CODE_TIME (in native code: a blocking call, or a syscall doing work such as sendto).
# Managed samples count as CPU; native ones too unless their last managed frames are waits (Monitor.Wait, wait handles,
# semaphores, epoll, socket receives, sleeps, the thread pool's idle wait...), so what remains approximates CPU time
# (on a loaded machine a runnable thread waiting for a core still counts). Prints the kept share, then the top methods
# by exclusive and by inclusive time, and the top namespaces by exclusive time; --native lists the native samples kept
# apart. --filter keeps only stacks with a frame containing TEXT.
import argparse
import collections
import json
import re
import sys

WAITS = re.compile(
    r"Monitor\.(Wait|Enter|ReliableEnter)|WaitHandle\.|WaitOneNoCheck|WaitOneCore|WaitMultiple|SemaphoreSlim\.Wait|"
    r"LowLevelLifoSemaphore|LowLevelMonitor|LowLevelSpinWaiter|Thread\.Sleep|SpinWait\.SpinOnce|Thread\.SpinWait|"
    r"epoll_wait|SocketAsyncEngine\.EventLoop|Interop\+Sys\.WaitForSocketEvents|Interop\+Sys\.Poll|"
    r"ManualResetEventSlim\.Wait|Task\.(Wait|InternalWait|SpinThenBlockingWait)|TaskAwaiter\.HandleNonSuccess|"
    r"Interop\+Sys\.Read\b|Interop\+Sys\.ReadLink|PortableThreadPool\+GateThread|WaitThread\.WaitThreadStart|"
    r"TimerQueue\.TimerThread|Console.*Read|Interop\+Sys\.(Receive|ReceiveMessage)\b|Thread\.Join|"
    r"WaitSubsystem|Process\.WaitFor|Interop\+Sys\.WaitPid|MonotonicSleep\.Until|ConsoleLoggerProcessor\.TryDequeue|"
    r"FileSystemWatcher\+RunningInstance\.TryReadEvent|GC\.RunFinalizers\(\)$|WorkerThread\.WorkerThreadStart\(\)$|"
    r"RtpReceiveLoop\.Run\(\)$|Interop\+Sys\.ReceiveFrom|TryCompleteReceiveFrom|WaitForSignal")
# Frames the profiler puts at the leaf of a thread it could not walk further; they say nothing of work.
NOISE = re.compile(r"^(UNMANAGED_CODE_TIME|CPU_TIME|Thread \(\d+\)|Process\d+)")


def stacks(document):
    """(stack as a tuple of frame names root first, weight) per sample, for evented and sampled profiles."""
    frames = [f["name"] for f in document["shared"]["frames"]]
    for profile in document["profiles"]:
        if profile["type"] == "sampled":
            for sample, weight in zip(profile["samples"], profile["weights"]):
                yield tuple(frames[i] for i in sample), weight
        else:
            open_frames, last = [], None
            for event in profile["events"]:
                if last is not None and open_frames and event["at"] > last:
                    yield tuple(frames[i] for i in open_frames), event["at"] - last
                last = event["at"]
                if event["type"] == "O":
                    open_frames.append(event["frame"])
                elif open_frames:
                    open_frames.pop()


def is_wait(stack):
    """A sample in native code whose last managed frames wait (a wait may sit under a frame or two of plumbing)."""
    real = [f for f in stack if not NOISE.match(f)]
    if stack[-1] == "CPU_TIME":
        # A P/Invoke without a GC transition (clock_nanosleep through LibraryImport) is sampled as managed code.
        return bool(real) and WAITS.search(real[-1]) is not None
    return not real or any(WAITS.search(f) for f in real[-3:])


def namespace(frame):
    name = frame.split("(")[0]
    name = re.sub(r"^[^!]*!", "", name)
    parts = name.split(".")
    return ".".join(parts[:3]) if len(parts) > 3 else ".".join(parts[:-1]) or name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("trace")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--filter")
    parser.add_argument("--native", action="store_true", help="only the native (UNMANAGED_CODE_TIME) samples kept")
    args = parser.parse_args()
    with open(args.trace) as f:
        document = json.load(f)
    total = kept = 0.0
    exclusive, inclusive, spaces = collections.Counter(), collections.Counter(), collections.Counter()
    for stack, weight in stacks(document):
        total += weight
        if not stack or is_wait(stack):
            continue
        if args.filter and not any(args.filter in f for f in stack):
            continue
        if args.native and stack[-1] == "CPU_TIME":
            continue
        kept += weight
        real = [f for f in stack if not NOISE.match(f)] or list(stack)
        exclusive[real[-1]] += weight
        spaces[namespace(real[-1])] += weight
        for frame in set(stack):
            inclusive[frame] += weight
    if not kept:
        sys.exit("no samples left after dropping waits")
    print(f"samples: {total:.0f} ms of thread time, {kept:.0f} ms kept ({100 * kept / total:.1f} %) as CPU")
    for title, counter in (("exclusive", exclusive), ("inclusive", inclusive), ("namespace (exclusive)", spaces)):
        print(f"\n== top {args.top} by {title}")
        for name, weight in counter.most_common(args.top):
            print(f"{100 * weight / kept:6.2f} %  {weight:9.0f} ms  {name[:160]}")


if __name__ == "__main__":
    main()
