using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Timing;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Transport;

/// <summary>One receive thread of an <see cref="RtpReceiver"/>: an epoll instance watching its sockets
/// (level-triggered, so a socket with several datagrams queued is simply reported again), one datagram read per event
/// into a buffer the thread reuses, and an eventfd to wake it for shutdown.</summary>
/// <remarks>Sockets are non-blocking: a readiness report with nothing to read (possible for UDP, e.g. after a checksum
/// failure) costs a caught exception instead of a thread stuck in a read.</remarks>
internal sealed partial class RtpReceiveLoop : IDisposable
{
    private const int MaxDatagram = 1500;
    private const int MaxEvents = 256;
    private const ulong WakeToken = ulong.MaxValue;

    private readonly int _epoll;
    private readonly int _wake;
    private readonly ILogger _logger;
    private readonly int _nice;
    private readonly long _batchDelay;
    private readonly Thread _thread;
    private readonly Lock _lock = new();
    private readonly Stack<int> _free = new();
    private RtpReceiveRegistration?[] _slots = new RtpReceiveRegistration?[64];
    private int _used;
    private int _count;
    private uint _generation;
    private volatile bool _stopping;
    private bool _closed;

    public RtpReceiveLoop(string name, ILogger logger, int nice, TimeSpan batchDelay)
    {
        _batchDelay = MonotonicSleep.IsSupported ? (long)(batchDelay.TotalSeconds * Stopwatch.Frequency) : 0;
        _logger = logger;
        _nice = nice;
        _epoll = Epoll.Create();
        _wake = Epoll.CreateEventFd();
        Epoll.Add(_epoll, _wake, Epoll.ReadableEvent, WakeToken);
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Sockets currently served.</summary>
    public int Count => Volatile.Read(ref _count);

    public RtpReceiveRegistration Register(Socket socket, RtpSession session, bool rtcp)
    {
        socket.Blocking = false;
        var fd = (int)socket.SafeHandle.DangerousGetHandle();
        RtpReceiveRegistration registration;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed || _stopping, this);
            var slot = _free.Count > 0 ? _free.Pop() : _used++;
            if (slot == _slots.Length)
            {
                var grown = new RtpReceiveRegistration?[_slots.Length * 2];
                _slots.CopyTo(grown, 0);
                Volatile.Write(ref _slots, grown);
            }
            var token = ((ulong)++_generation << 32) | (uint)slot;
            registration = new RtpReceiveRegistration(this, socket, fd, session, rtcp, token);
            Volatile.Write(ref _slots[slot], registration);
            try
            {
                Epoll.Add(_epoll, fd, Epoll.ReadableEvent, token);
            }
            catch
            {
                _slots[slot] = null;
                _free.Push(slot);
                throw;
            }
            _count++;
        }
        return registration;
    }

    public void Unregister(RtpReceiveRegistration registration)
    {
        lock (_lock)
        {
            if (_slots[registration.Slot] != registration)
            {
                return;
            }
            // While the socket is still open, so the descriptor cannot be another socket's by now.
            if (!_closed)
            {
                Epoll.Remove(_epoll, registration.Fd);
            }
            Volatile.Write(ref _slots[registration.Slot], null);
            _free.Push(registration.Slot);
            _count--;
        }
    }

    /// <summary>Stops the thread (waits for it unless called on it); it closes its descriptors on the way out.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }
        _stopping = true;
        Epoll.Signal(_wake);
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    private void Run()
    {
        var events = new byte[MaxEvents * Epoll.EventSize];
        var buffer = new byte[MaxDatagram];
        var v4 = new SocketAddress(AddressFamily.InterNetwork);
        var v6 = new SocketAddress(AddressFamily.InterNetworkV6);
        if (!MediaThreadPriority.TrySetNice(_nice))
        {
            LogPriorityNotRaised(_logger, _thread.Name, _nice);
        }
        try
        {
            while (!_stopping)
            {
                var count = Epoll.Wait(_epoll, events, -1);
                var woke = _batchDelay > 0 ? Stopwatch.GetTimestamp() : 0;
                for (var i = 0; i < count; i++)
                {
                    var token = Epoll.Data(events, i);
                    if (token == WakeToken)
                    {
                        Epoll.Drain(_wake);
                        continue;
                    }
                    if (Find(token) is { } registration)
                    {
                        Receive(registration, buffer, registration.Socket.AddressFamily == AddressFamily.InterNetworkV6 ? v6 : v4);
                    }
                }
                if (_batchDelay > 0 && count < MaxEvents)
                {
                    // Let datagrams gather (a full batch means they already do).
                    MonotonicSleep.Until(woke + _batchDelay);
                }
            }
        }
        catch (Exception ex)
        {
            // epoll itself failed: nothing more will be received on this thread's sockets. Fail loudly.
            LogLoopFailed(_logger, _thread.Name, ex);
            throw;
        }
        finally
        {
            lock (_lock)
            {
                _closed = true;
                Epoll.Close(_epoll);
                Epoll.Close(_wake);
            }
        }
    }

    private RtpReceiveRegistration? Find(ulong token)
    {
        var slots = Volatile.Read(ref _slots);
        var slot = (int)(uint)token;
        return slot < slots.Length && Volatile.Read(ref slots[slot]) is { } registration && registration.Token == token
            ? registration
            : null;
    }

    private void Receive(RtpReceiveRegistration registration, byte[] buffer, SocketAddress source)
    {
        int received;
        try
        {
            received = registration.Socket.ReceiveFrom(buffer, SocketFlags.None, source);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Nothing to read after all, a reported error (read clears it), or closed meanwhile by its session.
            return;
        }
        try
        {
            registration.Session.OnReceived(registration.Rtcp, buffer.AsSpan(0, received), source);
        }
        catch (Exception ex)
        {
            // The session guards its handlers; this is a bug in the session itself. Keep serving the other sockets.
            LogDatagramFailed(_logger, _thread.Name, ex);
        }
    }

    [LoggerMessage(6010, LogLevel.Critical, "RTP receive thread {Thread} failed; its sockets receive nothing more")]
    private static partial void LogLoopFailed(ILogger logger, string? thread, Exception exception);

    [LoggerMessage(6012, LogLevel.Information, "RTP receive thread {Thread} keeps the process's priority: nice {Nice} not permitted (CAP_SYS_NICE)")]
    private static partial void LogPriorityNotRaised(ILogger logger, string? thread, int nice);

    [LoggerMessage(6011, LogLevel.Error, "RTP receive thread {Thread} failed to handle a datagram")]
    private static partial void LogDatagramFailed(ILogger logger, string? thread, Exception exception);
}
