using System.Net;
using ContactCenter.Media.Bridging;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Prompts;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Timing;
using ContactCenter.Media.Transport;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Sessions;

/// <summary>One call leg's media as the front end drives it: an RTP session with prompts, DTMF in and out, and audio
/// handed to a bridge or mixer. What the leg sends comes from one source at a time: a playing prompt takes precedence
/// over relayed or mixed audio, and all of it is numbered by the session as one continuous stream.</summary>
/// <remarks>Events are raised on the session's receive loop or on a pacer thread; handlers must not block.</remarks>
public sealed partial class MediaLeg : IAsyncDisposable
{
    private readonly RtpSession _session;
    private readonly TimeProvider _time;
    private readonly MediaEngineOptions _options;
    private readonly TelephoneEventDetector _detector = new();
    private readonly Lock _lock = new();
    private readonly byte[] _encoded = new byte[480];
    private readonly FrameScheduler? _scheduler;
    private PromptPlayer? _player;
    private DigitCollector? _collector;
    private IMediaSink? _sink;

    internal MediaLeg(string id, G711Codec codec, byte telephoneEventPayloadType, RtpSocketPair sockets, MediaEngineOptions options, TimeProvider time, ILogger logger, RtpReceiver? receiver = null, FrameScheduler? scheduler = null)
    {
        Id = id;
        Codec = codec;
        TelephoneEventPayloadType = telephoneEventPayloadType;
        _time = time;
        _options = options;
        _scheduler = scheduler;
        // RFC 3550 §5.1: random initial sequence number and timestamp, random SSRC (§8).
        var outbound = new RtpOutboundStream((uint)Random.Shared.NextInt64(1, uint.MaxValue), (byte)codec, 8000, (ushort)Random.Shared.Next(65536), (uint)Random.Shared.NextInt64(uint.MaxValue));
        _session = new RtpSession(sockets, outbound, options.Transport, time, OnPacket, logger, receiver, scheduler);
        _session.Inactive += _ => Inactive?.Invoke(this);
        _session.Start();
    }

    /// <summary>A DTMF digit arrived (each digit once, RFC 4733).</summary>
    public event Action<MediaLeg, DtmfDetection>? DigitReceived;

    /// <summary>No RTP for the configured inactivity timeout.</summary>
    public event Action<MediaLeg>? Inactive;

    /// <summary>A prompt ended: true when played to the end, false when stopped or replaced.</summary>
    public event Action<MediaLeg, bool>? PlayoutFinished;

    /// <summary>The leg id the front end chose.</summary>
    public string Id { get; }

    /// <summary>The negotiated G.711 law.</summary>
    public G711Codec Codec { get; }

    /// <summary>The negotiated telephone-event payload type.</summary>
    public byte TelephoneEventPayloadType { get; }

    /// <summary>The local RTP address for SDP.</summary>
    public IPEndPoint LocalEndPoint => _session.LocalEndPoint;

    /// <summary>The RTP session, for statistics.</summary>
    public RtpSession Session => _session;

    /// <summary>Whether a prompt is playing.</summary>
    public bool IsPlaying => Volatile.Read(ref _player) is not null;

    /// <summary>Sets the remote RTP address from the SDP answer or offer.</summary>
    public void SetRemote(IPEndPoint remote) => _session.SetRemote(remote);

    /// <summary>Plays a prompt (replacing any prompt playing); completes true at its end, false when stopped.</summary>
    public Task<bool> Play(ReadOnlyMemory<short> samples, bool loop = false)
    {
        var player = new PromptPlayer(samples, Codec, _time, (payload, count) => _session.SendAudio(payload, count), loop, scheduler: _scheduler);
        PromptPlayer? previous;
        lock (_lock)
        {
            previous = _player;
            _player = player;
        }
        previous?.Stop();
        player.Completion.ContinueWith(
            t =>
            {
                lock (_lock)
                {
                    if (_player == player)
                    {
                        _player = null;
                    }
                }
                PlayoutFinished?.Invoke(this, t.Result);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        player.Start();
        return player.Completion;
    }

    /// <summary>Stops the playing prompt, if any.</summary>
    public void StopPlayout() => Volatile.Read(ref _player)?.Stop();

    /// <summary>Collects digits (replacing a collection in progress, which ends as cancelled).</summary>
    public Task<DigitCollectResult> CollectDigits(DigitCollectOptions options)
    {
        var collector = new DigitCollector(options, _time);
        Interlocked.Exchange(ref _collector, collector)?.Cancel();
        return collector.Result;
    }

    /// <summary>Stops playout and digit collection, detaches from its bridge or mixer and closes the sockets.</summary>
    public async ValueTask DisposeAsync()
    {
        StopPlayout();
        Volatile.Read(ref _collector)?.Cancel();
        Volatile.Write(ref _sink, null);
        StopDigits();
        await _session.DisposeAsync();
    }

    internal void Attach(IMediaSink sink)
    {
        if (Interlocked.CompareExchange(ref _sink, sink, null) is { } current && current != sink)
        {
            throw new InvalidOperationException($"Leg {Id} is already bridged or mixed; unbridge it first.");
        }
    }

    internal void Detach(IMediaSink sink) => Interlocked.CompareExchange(ref _sink, null, sink);

    /// <summary>Relays audio received on another leg, unless a prompt is playing here.</summary>
    internal void Relay(RtpPacket packet, G711Codec from)
    {
        if (!IsPlaying)
        {
            RtpRelay.Forward(packet, from, Codec, _session);
        }
    }

    /// <summary>Sends one mixed frame of linear PCM, unless a prompt is playing here. Called from one mixer thread.</summary>
    internal void SendPcm(ReadOnlySpan<short> pcm)
    {
        if (!IsPlaying)
        {
            var encoded = _encoded.AsSpan(0, pcm.Length);
            G711.Encode(Codec, pcm, encoded);
            _session.SendAudio(encoded, pcm.Length);
        }
    }

    private void OnPacket(RtpSession session, RtpPacket packet, TimeSpan arrival)
    {
        var header = packet.Header;
        if (header.PayloadType == TelephoneEventPayloadType)
        {
            if (_detector.TryDetect(header.Marker, header.Timestamp, packet.Payload, out var detection))
            {
                Volatile.Read(ref _collector)?.OnDigit(detection.Digit);
                DigitReceived?.Invoke(this, detection);
            }
            return;
        }
        if (header.PayloadType == (byte)Codec)
        {
            Volatile.Read(ref _sink)?.OnAudio(this, packet, arrival);
        }
    }
}
