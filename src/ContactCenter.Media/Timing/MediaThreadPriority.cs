using System.Runtime.InteropServices;

namespace ContactCenter.Media.Timing;

/// <summary>Raises the calling thread's scheduling priority (its nice value, <c>setpriority(PRIO_PROCESS, tid)</c> on
/// Linux) for the engine's receive and pacing threads: their work is small, but work done late is heard as jitter, and
/// on a busy host a few media threads otherwise get no more CPU than any other runnable thread.</summary>
internal static partial class MediaThreadPriority
{
    private const int ProcessScope = 0;

    /// <summary>Sets the calling thread's nice value; false where not permitted (below 0 needs CAP_SYS_NICE) or not
    /// Linux. A nice value of 0 leaves the thread as it is.</summary>
    public static bool TrySetNice(int nice)
    {
        if (nice == 0 || !OperatingSystem.IsLinux())
        {
            return nice == 0;
        }
        return setpriority(ProcessScope, gettid(), nice) == 0;
    }

    [LibraryImport("libc")]
    private static partial int gettid();

    [LibraryImport("libc")]
    private static partial int setpriority(int which, int who, int prio);
}
