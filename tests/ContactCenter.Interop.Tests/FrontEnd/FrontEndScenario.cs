using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>The steps the front-end tests share: agent profiles with a SIP account, phones registering, agents logging
/// in, callers dialling a queue's number and talking to its agent, and RTP flowing between two legs.</summary>
internal static class FrontEndScenario
{
    public const string Realm = SiteSettings.DefaultSipRealm;
    public const string Password = "phone-secret";
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>An agent profile in <paramref name="queueIds"/> whose phone registers as <paramref name="user"/> with
    /// <see cref="Password"/>.</summary>
    public static AgentProfile PhoneProfile(string agentId, string user, params string[] queueIds) => new()
    {
        Id = agentId,
        Name = agentId,
        Queues = [.. queueIds.Select(q => new QueueMembership(q))],
        SipUsername = user,
        SipPasswordMd5Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, user, Realm, Password),
        SipPasswordSha256Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Sha256, user, Realm, Password),
    };

    /// <summary>An outbound trunk "carrier" to <paramref name="carrier"/> (the peer answering for external numbers), with
    /// an optional dial prefix and caller id.</summary>
    public static Task<Trunk> AddCarrierAsync(FrontEndNode node, MediaPeer carrier, CancellationToken cancellation, string? dialPrefix = null,
        string? outboundCallerId = null) =>
        node.Documents.CreateAsync(new Trunk
        {
            Id = "carrier",
            Name = "Fake carrier",
            Host = carrier.Udp.Host,
            Port = carrier.Udp.Port,
            Inbound = false,
            Outbound = true,
            DialPrefix = dialPrefix,
            OutboundCallerId = outboundCallerId,
        }, cancellation);

    /// <summary>The node's SIP address over UDP.</summary>
    public static SipEndPoint Udp(FrontEndNode node) => new(SipTransportKind.Udp, "127.0.0.1", node.SipPort);

    /// <summary>An agent profile with a SIP account and its phone registered, the agent logged in.</summary>
    public static async Task RegisterAgentAsync(FrontEndNode node, MediaPeer phone, string agentId, string user, string? queueId,
        Func<string> diagnostics, CancellationToken cancellation)
    {
        await AddPhoneAsync(node, phone, agentId, user, queueId, diagnostics, cancellation);
        Assert.True((await node.Grains.GetGrain<IAgentGrain>(agentId).LogInAsync()).Succeeded);
    }

    /// <summary>An agent profile with a SIP account (and a new queue of its own when <paramref name="queueId"/> is
    /// given) and its phone registered; the agent is not logged in.</summary>
    public static async Task AddPhoneAsync(FrontEndNode node, MediaPeer phone, string agentId, string user, string? queueId,
        Func<string> diagnostics, CancellationToken cancellation)
    {
        if (queueId is not null)
        {
            await node.Documents.CreateAsync(new Queue { Id = queueId, Name = queueId }, cancellation);
        }
        await node.Documents.CreateAsync(queueId is null ? PhoneProfile(agentId, user) : PhoneProfile(agentId, user, queueId), cancellation);
        await RegisterPhoneAsync(node, phone, user, diagnostics, cancellation);
    }

    /// <summary>The phone registers as <paramref name="user"/>.</summary>
    public static async Task RegisterPhoneAsync(FrontEndNode node, MediaPeer phone, string user, Func<string> diagnostics, CancellationToken cancellation)
    {
        var registered = await Conditions.WithinAsync(phone.RegisterAsync(Udp(node), user, Password), Wait, $"{user} registers", diagnostics, cancellation);
        Assert.Equal(200, registered.StatusCode);
    }

    /// <summary>A caller dials <paramref name="number"/>, which the test configured, and the front end answers.</summary>
    public static async Task<(SipOutgoingCall Call, string CallId)> DialAsync(FrontEndNode node, MediaPeer caller, string number,
        Func<string> diagnostics, CancellationToken cancellation)
    {
        var call = caller.Call(Udp(node), number);
        var answered = await Conditions.WithinAsync(call.Answered, Wait, "the front end answers the caller", diagnostics, cancellation);
        Assert.Equal(200, answered.StatusCode);
        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        return (call, callId);
    }

    /// <summary>A caller dials a new inbound number of the agent's queue and talks to the agent.</summary>
    public static async Task<(SipOutgoingCall Call, string CallId)> ConnectCallerAsync(
        FrontEndNode node, MediaPeer caller, MediaPeer phone, string queueId, string number, Func<string> diagnostics, CancellationToken cancellation)
    {
        await node.Documents.CreateAsync(new InboundNumber { Id = number, Name = number, Target = InboundNumberTargetKind.Queue, TargetId = queueId }, cancellation);
        var (call, callId) = await DialAsync(node, caller, number, diagnostics, cancellation);
        await Conditions.WaitAsync(() => phone.Invites == 1 && !phone.Calls.IsEmpty, Wait, $"call {callId}: the agent's phone is rung and answers", diagnostics, cancellation);
        await ConnectedAsync(node, callId);
        return (call, callId);
    }

    /// <summary>Waits for the call to be connected.</summary>
    public static Task ConnectedAsync(FrontEndNode node, string callId)
    {
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        return Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase == CallPhase.Connected, Wait, $"call {callId} connected");
    }

    /// <summary>At least a second more of 20 ms frames (50 packets) received at both ends.</summary>
    public static async Task ExpectRtpAsync(MediaPeer a, string aLeg, MediaPeer b, string bLeg, Func<string> diagnostics, CancellationToken cancellation)
    {
        var start = (A: a.PacketsReceived(aLeg), B: b.PacketsReceived(bLeg));
        await Conditions.WaitAsync(() => a.PacketsReceived(aLeg) > start.A + 50 && b.PacketsReceived(bLeg) > start.B + 50,
            Wait, $"RTP both ways (from {start.A} and {start.B})", diagnostics, cancellation);
    }
}
