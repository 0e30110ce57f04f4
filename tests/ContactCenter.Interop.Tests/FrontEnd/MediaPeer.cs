using System.Collections.Concurrent;
using ContactCenter.Interop.Tests.Audio;
using ContactCenter.Interop.Tests.Stacks;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Transport;
using ContactCenter.Sip;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>A SIP endpoint with real RTP built on our stack and media engine, talking to the front end: as an agent's
/// phone (or a carrier the front end dials out through) it registers and answers every INVITE with an SDP answer and a
/// media leg; as a caller it places a call. Each leg plays the peer's own tone in a loop, so RTP flows whenever the far
/// end relays it and what a leg hears tells whose audio reached it (<see cref="ListenAsync"/>); the legs count what they
/// receive.</summary>
internal sealed class MediaPeer : ISipCallHandler, IAsyncDisposable
{
    /// <summary>The peak amplitude of the tone every leg plays.</summary>
    public const short ToneAmplitude = 8000;

    private readonly short[] _tone;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SipMetrics _metrics = new();
    private readonly MediaEngine _media;
    private readonly ConcurrentDictionary<string, MediaLeg> _legs = new(StringComparer.Ordinal);
    private int _invites;

    private MediaPeer(int first, double toneFrequency, int rtpPorts)
    {
        ToneFrequency = toneFrequency;
        _tone = ToneAnalysis.Tone(toneFrequency, ToneAnalysis.SampleRate, ToneAmplitude);
        _loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(Log));
        _media = new MediaEngine(new MediaEngineOptions { Transport = new RtpTransportOptions { PortRangeStart = first, PortRangeEnd = first + rtpPorts - 1 } }, TimeProvider.System);
        Stack = SipStack.Start(new SipTransportOptions { UdpPort = 0, TcpPort = null }, this, TimeProvider.System, _loggerFactory, _metrics,
            new SipUserAgentOptions { UserName = "peer" });
    }

    public SipStack Stack { get; }

    /// <summary>The frequency of the tone the peer's legs play.</summary>
    public double ToneFrequency { get; }

    public CapturedLog Log { get; } = new();

    public SipEndPoint Udp => Stack.LocalEndPoint(SipTransportKind.Udp);

    /// <summary>INVITEs received (an agent's phone rung).</summary>
    public int Invites => Volatile.Read(ref _invites);

    /// <summary>The INVITEs received, in order (a fake carrier checks what was dialled and presented).</summary>
    public ConcurrentQueue<SipRequest> InvitesReceived { get; } = new();

    /// <summary>Calls the far end hung up (BYE received).</summary>
    public ConcurrentQueue<string> HungUpByPeer { get; } = new();

    /// <summary>Established calls, by Call-ID.</summary>
    public ConcurrentDictionary<string, SipCall> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>Starts a peer with RTP ports from <paramref name="rtpFirst"/> (<paramref name="rtpPorts"/> of them) whose
    /// legs play a <paramref name="toneFrequency"/> Hz tone (a multiple of 50 Hz keeps tones apart in
    /// <see cref="ToneAnalysis"/>).</summary>
    public static MediaPeer Start(int rtpFirst, double toneFrequency = 440, int rtpPorts = 200) => new(rtpFirst, toneFrequency, rtpPorts);

    /// <summary>Records what the leg of a call receives, decoded, until <paramref name="duration"/> of audio arrived
    /// (packets in arrival order, through the media engine's own single-leg recorder), and returns the samples.</summary>
    public async Task<short[]> ListenAsync(string callId, TimeSpan duration, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_legs.TryGetValue(callId, out var leg))
        {
            throw new InvalidOperationException($"no leg for call {callId}");
        }
        var path = Path.Combine(Path.GetTempPath(), $"cc-interop-heard-{Guid.NewGuid():N}.wav");
        try
        {
            using (var recorder = _media.RecordVoicemail(leg, path, duration))
            {
                await Conditions.WaitAsync(() => recorder.Duration >= duration, timeout, $"call {callId}: {duration} of audio received",
                    () => Log.Tail(), cancellationToken);
            }
            return WavReader.ReadMono8k(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>RTP packets received on the leg of a call.</summary>
    public long PacketsReceived(string callId) => _legs.TryGetValue(callId, out var leg) ? leg.Session.PacketsReceived : 0;

    /// <summary>RTP packets sent on the leg of a call.</summary>
    public long PacketsSent(string callId) => _legs.TryGetValue(callId, out var leg) ? leg.Session.Outbound.PacketCount : 0;

    /// <summary>Sends <paramref name="digits"/> as RFC 4733 telephone events on the leg of a call (an agent pressing keys
    /// on the phone).</summary>
    public Task SendDigitsAsync(string callId, string digits) =>
        _legs.TryGetValue(callId, out var leg) ? leg.SendDigits(digits) : throw new InvalidOperationException($"no leg for call {callId}");

    /// <summary>REGISTERs <paramref name="user"/> with the front end, answering its digest challenge.</summary>
    public Task<SipResponse> RegisterAsync(SipEndPoint registrar, string user, string password)
    {
        var request = Stack.UserAgent.CreateRequest(SipMethods.Register, SipUri.Parse($"sip:{user}@{registrar.Host}:{registrar.Port}"));
        request.Headers.Add(SipHeaderNames.Contact, $"<sip:{user}@{Udp.Host}:{Udp.Port}>");
        request.Headers.Add(SipHeaderNames.Expires, "300");
        return Stack.UserAgent.SendRequestAsync(request, registrar, new SipDigestClient(user, password));
    }

    /// <summary>Calls <paramref name="number"/> at the front end with an offer from a new media leg.</summary>
    public SipOutgoingCall Call(SipEndPoint frontEnd, string number)
    {
        var leg = _media.CreateLeg(Guid.NewGuid().ToString("N"), G711Codec.MuLaw);
        var offer = SdpOfferAnswer.CreateOffer(Audio(leg));
        var call = Stack.UserAgent.Invite(SipUri.Parse($"sip:{number}@{frontEnd.Host}:{frontEnd.Port}"), frontEnd, offer.ToBytes());
        _legs[call.CallId] = leg;
        PlayWhenAnswered(call, offer, leg);
        return call;
    }

    /// <summary>Calls <paramref name="number"/> at the front end as an agent's phone registered as <paramref name="user"/>
    /// does: From the user, and the front end's digest challenge answered with <paramref name="password"/> (not answered
    /// when null). Completes with the INVITE the front end did not challenge: the retry with credentials, or the first
    /// one when it was not challenged or there is no password.</summary>
    public async Task<SipOutgoingCall> CallAsPhoneAsync(SipEndPoint frontEnd, string number, string user, string? password)
    {
        var leg = _media.CreateLeg(Guid.NewGuid().ToString("N"), G711Codec.MuLaw);
        var offer = SdpOfferAnswer.CreateOffer(Audio(leg));
        var invite = Stack.UserAgent.CreateRequest(SipMethods.Invite, SipUri.Parse($"sip:{number}@{frontEnd.Host}:{frontEnd.Port}"));
        invite.Headers.Set(SipHeaderNames.From, new NameAddress(SipUri.Parse($"sip:{user}@{frontEnd.Host}:{frontEnd.Port}")).WithTag(invite.From!.Tag!).ToString());
        invite.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = offer.ToBytes();
        var call = Stack.UserAgent.SendInvite(invite, frontEnd);
        _legs[call.CallId] = leg;
        var response = await call.Answered;
        if (response.StatusCode != 401 || password is null)
        {
            return call;
        }
        // RFC 3261 §22.2: the same Call-ID and From tag, CSeq + 1, with the answer to the challenge.
        var retry = SipRequestFactory.CreateRetry(invite);
        if (!new SipDigestClient(user, password).TryAuthorize(retry, response))
        {
            return call;
        }
        var authorized = Stack.UserAgent.SendInvite(retry, frontEnd);
        PlayWhenAnswered(authorized, offer, leg);
        return authorized;
    }

    /// <summary>What INVITEs to the peer are answered with: 200 (the default) answers, 180 only rings (until cancelled),
    /// 300–699 refuses after ringing (a busy carrier: 486).</summary>
    public int AnswerWith { get; set; } = 200;

    /// <summary>Calls the far end cancelled before the peer answered.</summary>
    public ConcurrentQueue<string> CancelledByPeer { get; } = new();

    private void PlayWhenAnswered(SipOutgoingCall call, SdpSession offer, MediaLeg leg) =>
        _ = call.Answered.ContinueWith(t =>
        {
            if (t.Result.IsSuccess && SdpParser.TryParse(t.Result.Body.Span, out var answer, out _)
                && SdpOfferAnswer.ProcessAnswer(offer, answer) is { RemoteAddress: { } host } audio)
            {
                leg.SetRemote(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(host), audio.RemotePort));
                _ = leg.Play(_tone, loop: true);
            }
        }, TaskScheduler.Default);

    public void OnIncomingCall(SipIncomingCall call)
    {
        Interlocked.Increment(ref _invites);
        InvitesReceived.Enqueue(call.Invite);
        call.Ring();
        var answerWith = AnswerWith;
        if (answerWith is > 100 and < 200)
        {
            return;
        }
        if (answerWith >= 300)
        {
            call.Reject(answerWith);
            return;
        }
        if (!SdpParser.TryParse(call.Invite.Body.Span, out var offer, out _))
        {
            call.Reject(488);
            return;
        }
        var leg = _media.CreateLeg(Guid.NewGuid().ToString("N"), G711Codec.MuLaw);
        var answer = SdpOfferAnswer.CreateAnswer(offer, Audio(leg));
        if (answer.Audio is not { RemoteAddress: { } host } audio)
        {
            call.Reject(488);
            return;
        }
        leg.SetRemote(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(host), audio.RemotePort));
        _legs[call.CallId] = leg;
        call.Accept(answer.Answer.ToBytes());
        _ = leg.Play(_tone, loop: true);
    }

    public void OnCallEstablished(SipCall call) => Calls[call.CallId] = call;

    public void OnCallEnded(SipCall call, SipCallEndReason reason)
    {
        if (reason == SipCallEndReason.RemoteHangUp)
        {
            HungUpByPeer.Enqueue(call.CallId);
        }
        else if (reason == SipCallEndReason.Cancelled)
        {
            CancelledByPeer.Enqueue(call.CallId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stack.DisposeAsync();
        await _media.DisposeAsync();
        _metrics.Dispose();
        _loggerFactory.Dispose();
    }

    private static SdpLocalAudio Audio(MediaLeg leg) => new()
    {
        Address = leg.LocalEndPoint.Address.ToString(),
        Port = leg.LocalEndPoint.Port,
        Codecs = [SdpCodec.Pcmu],
        SessionId = "42",
        SessionVersion = "1",
    };
}
