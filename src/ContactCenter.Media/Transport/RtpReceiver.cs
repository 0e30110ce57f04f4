using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Transport;

/// <summary>A few receive threads (one per processor by default) that serve the RTP and RTCP sockets of every session
/// of an engine, instead of a receive loop per socket: each thread waits on its own epoll instance for whichever of its
/// sockets has a datagram, reads it and runs the session's packet handling inline (parse, statistics, relay to the
/// other leg, jitter buffer). A datagram thus costs one read and a share of one wait, with no thread-pool hand-off,
/// no task continuation and no failed read before each wait. Each session goes to the thread serving the fewest
/// sockets, RTP and RTCP together.
/// Linux only (<see cref="IsSupported"/>); elsewhere sessions keep their own asynchronous loops.</summary>
/// <remarks>Handlers run on these threads and must not block: a slow handler delays every session of its thread.</remarks>
public sealed class RtpReceiver : IDisposable
{
    private readonly RtpReceiveLoop[] _loops;

    /// <summary>Starts <paramref name="threads"/> receive threads (0: one per processor).</summary>
    /// <param name="threads">Receive threads; 0 for one per processor.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="threadNice">Nice value the threads ask for (see <see cref="Sessions.MediaEngineOptions.ThreadNice"/>); 0 to
    /// leave them as they are.</param>
    /// <param name="batchDelay">Pause after each batch (see <see cref="RtpTransportOptions.ReceiveBatchDelay"/>); zero
    /// for none.</param>
    /// <exception cref="PlatformNotSupportedException">Not Linux on x64 or Arm64.</exception>
    public RtpReceiver(int threads = 0, ILogger? logger = null, int threadNice = 0, TimeSpan batchDelay = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("The shared RTP receive loops need epoll (Linux on x64 or Arm64).");
        }
        var count = threads == 0 ? Environment.ProcessorCount : threads;
        _loops = new RtpReceiveLoop[count];
        for (var i = 0; i < count; i++)
        {
            _loops[i] = new RtpReceiveLoop($"rtp-receive-{i}", logger ?? NullLogger.Instance, threadNice, batchDelay);
        }
    }

    /// <summary>Whether this platform has the shared receive loops (Linux on x64 or Arm64).</summary>
    public static bool IsSupported => Epoll.IsSupported;

    /// <summary>Number of receive threads.</summary>
    public int ThreadCount => _loops.Length;

    /// <summary>Sockets currently served, over all threads.</summary>
    public int SocketCount => _loops.Sum(l => l.Count);

    /// <summary>Stops the threads. Sessions must have unregistered (been disposed) first.</summary>
    public void Dispose()
    {
        foreach (var loop in _loops)
        {
            loop.Dispose();
        }
    }

    /// <summary>Serves <paramref name="rtp"/> and <paramref name="rtcp"/> (made non-blocking) for
    /// <paramref name="session"/> on the least busy thread.</summary>
    internal (RtpReceiveRegistration Rtp, RtpReceiveRegistration Rtcp) Register(Socket rtp, Socket rtcp, RtpSession session)
    {
        var loop = _loops.MinBy(l => l.Count)!;
        var rtpRegistration = loop.Register(rtp, session, rtcp: false);
        try
        {
            return (rtpRegistration, loop.Register(rtcp, session, rtcp: true));
        }
        catch
        {
            rtpRegistration.Unregister();
            throw;
        }
    }
}
