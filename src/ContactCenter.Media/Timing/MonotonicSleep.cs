using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ContactCenter.Media.Timing;

/// <summary>Sleeping until an absolute time of the monotonic clock (<c>clock_nanosleep(CLOCK_MONOTONIC,
/// TIMER_ABSTIME)</c>, Linux), for the scheduler's tick threads: no drift from the time spent ticking, and a resolution
/// well below the millisecond of <see cref="Thread.Sleep(int)"/>.</summary>
internal static unsafe partial class MonotonicSleep
{
    private const int ClockMonotonic = 1;
    private const int AbsoluteTime = 1;
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Whether <see cref="Stopwatch"/> timestamps are CLOCK_MONOTONIC nanoseconds and can be slept until
    /// (64-bit Linux, where <c>struct timespec</c> is two 64-bit fields).</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess && Stopwatch.Frequency == NanosPerSecond;

    /// <summary>Sleeps until <see cref="Stopwatch.GetTimestamp"/> reaches <paramref name="timestamp"/> (returns at once
    /// if it has).</summary>
    public static void Until(long timestamp)
    {
        var time = stackalloc long[2];
        time[0] = timestamp / NanosPerSecond;
        time[1] = timestamp % NanosPerSecond;
        // EINTR (a signal) returns early: the caller's loop checks the time again.
        _ = clock_nanosleep(ClockMonotonic, AbsoluteTime, time, null);
    }

    [LibraryImport("libc")]
    private static partial int clock_nanosleep(int clockId, int flags, long* request, long* remain);
}
