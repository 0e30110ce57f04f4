using System.Collections.Concurrent;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Interop.Tests.Stacks;

/// <summary>The application of the test UAS: rings every call and, when <see cref="Answer"/>, answers it with an SDP
/// answer to the peer's offer; counts what happened so a test can compare it with what the peer reports.</summary>
internal sealed class InteropCallHandler : ISipCallHandler
{
    private static readonly SdpLocalAudio Audio = new() { Address = "127.0.0.1", Port = 40000, SessionId = "7", SessionVersion = "1" };

    private readonly ConcurrentDictionary<SipCallEndReason, int> _endReasons = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private volatile bool _answer = true;
    private int _incoming;
    private int _answered;
    private int _established;
    private int _ended;

    /// <summary>Answer calls (180 then 200) rather than only ring (180, then wait for a CANCEL). Default true.</summary>
    public bool Answer
    {
        get => _answer;
        set => _answer = value;
    }

    public int Incoming => Volatile.Read(ref _incoming);

    public int Answered => Volatile.Read(ref _answered);

    public int Established => Volatile.Read(ref _established);

    public int Ended => Volatile.Read(ref _ended);

    /// <summary>Calls established and not yet ended, newest last.</summary>
    public ConcurrentQueue<SipCall> EstablishedCalls { get; } = new();

    public int EndedWith(SipCallEndReason reason) => _endReasons.GetValueOrDefault(reason);

    /// <summary>What went wrong on our side (an offer we could not answer), for failure messages.</summary>
    public string Problems => string.Join("; ", _problems.Take(10));

    public string Summary =>
        $"UAS: incoming {Incoming}, answered {Answered}, established {Established}, ended {Ended} ({string.Join(", ", _endReasons.Select(r => $"{r.Key} {r.Value}"))}); problems: {Problems}";

    public void OnIncomingCall(SipIncomingCall call)
    {
        Interlocked.Increment(ref _incoming);
        call.Ring();
        if (!Answer)
        {
            return;
        }
        if (!SdpParser.TryParse(call.Invite.Body.Span, out var offer, out var error))
        {
            _problems.Enqueue($"call {call.CallId}: offer not parsed: {error}");
            call.Reject(488);
            return;
        }
        var answer = SdpOfferAnswer.CreateAnswer(offer, Audio);
        if (answer.Audio is null)
        {
            _problems.Enqueue($"call {call.CallId}: no acceptable audio in the offer");
            call.Reject(488);
            return;
        }
        if (call.Accept(answer.Answer.ToBytes()))
        {
            Interlocked.Increment(ref _answered);
        }
    }

    public void OnCallEstablished(SipCall call)
    {
        Interlocked.Increment(ref _established);
        EstablishedCalls.Enqueue(call);
    }

    public void OnCallEnded(SipCall call, SipCallEndReason reason)
    {
        _endReasons.AddOrUpdate(reason, 1, (_, count) => count + 1);
        Interlocked.Increment(ref _ended);
    }
}
