using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ContactCenter.Media.Transport;

/// <summary>The few Linux calls the shared receive loops need: an epoll instance per loop and an eventfd to wake it
/// (epoll(7), eventfd(2)). Nothing else of the sockets goes through here: datagrams are read with the managed API.</summary>
internal static unsafe partial class Epoll
{
    /// <summary>EPOLLIN: data to read.</summary>
    public const uint ReadableEvent = 0x001;

    private const int CloseOnExec = 0x80000;
    private const int EventFdNonBlocking = 0x800;
    private const int ControlAdd = 1;
    private const int ControlDelete = 2;
    private const int Interrupted = 4;

    /// <summary>Whether this platform has epoll with a layout of <c>struct epoll_event</c> we know: Linux on x64 (where
    /// the struct is packed, 12 octets) or Arm64 (naturally aligned, 16 octets).</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux()
        && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>Size of one <c>struct epoll_event</c>.</summary>
    public static int EventSize { get; } = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    private static int DataOffset { get; } = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    /// <summary>A new epoll instance.</summary>
    /// <exception cref="InvalidOperationException">The kernel refused (errno in the message).</exception>
    public static int Create() => Check(epoll_create1(CloseOnExec), "epoll_create1");

    /// <summary>A new non-blocking eventfd with counter 0.</summary>
    public static int CreateEventFd() => Check(eventfd(0, CloseOnExec | EventFdNonBlocking), "eventfd");

    /// <summary>Watches <paramref name="fd"/> for <paramref name="events"/> (level-triggered); epoll hands
    /// <paramref name="data"/> back with each event.</summary>
    public static void Add(int epoll, int fd, uint events, ulong data)
    {
        var buffer = stackalloc byte[16];
        var span = new Span<byte>(buffer, 16);
        BinaryPrimitives.WriteUInt32LittleEndian(span, events);
        BinaryPrimitives.WriteUInt64LittleEndian(span[DataOffset..], data);
        Check(epoll_ctl(epoll, ControlAdd, fd, buffer), "epoll_ctl(ADD)");
    }

    /// <summary>Stops watching <paramref name="fd"/>; false if it was not watched (or is closed already).</summary>
    public static bool Remove(int epoll, int fd)
    {
        var buffer = stackalloc byte[16];
        return epoll_ctl(epoll, ControlDelete, fd, buffer) == 0;
    }

    /// <summary>Waits for events into <paramref name="events"/> (room for <c>Length / EventSize</c> of them).</summary>
    /// <returns>The number of events; 0 after a signal interrupted the wait.</returns>
    public static int Wait(int epoll, Span<byte> events, int timeoutMilliseconds)
    {
        fixed (byte* pointer = events)
        {
            var count = epoll_wait(epoll, pointer, events.Length / EventSize, timeoutMilliseconds);
            if (count < 0 && Marshal.GetLastPInvokeError() == Interrupted)
            {
                return 0;
            }
            return Check(count, "epoll_wait");
        }
    }

    /// <summary>The data word of event <paramref name="index"/> of a <see cref="Wait"/> result.</summary>
    public static ulong Data(ReadOnlySpan<byte> events, int index) =>
        BinaryPrimitives.ReadUInt64LittleEndian(events[((index * EventSize) + DataOffset)..]);

    /// <summary>Adds one to an eventfd's counter, which makes it readable.</summary>
    public static void Signal(int eventFd)
    {
        ulong one = 1;
        _ = write(eventFd, &one, sizeof(ulong));
    }

    /// <summary>Resets an eventfd's counter (reads it).</summary>
    public static void Drain(int eventFd)
    {
        ulong value;
        _ = read(eventFd, &value, sizeof(ulong));
    }

    /// <summary>Closes a descriptor this class created.</summary>
    public static void Close(int fd) => _ = close(fd);

    private static int Check(int result, string call) =>
        result >= 0 ? result : throw new InvalidOperationException($"{call} failed with errno {Marshal.GetLastPInvokeError()}.");

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_ctl(int epfd, int op, int fd, byte* @event);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_wait(int epfd, byte* events, int maxevents, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int eventfd(uint initval, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint write(int fd, void* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, void* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
