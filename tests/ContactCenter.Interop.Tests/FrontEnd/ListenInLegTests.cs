using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Transactions;
using ContactCenter.TestSupport;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>A supervisor whose phone is not registered listens in: the front end reports the leg unreachable and the
/// call grain ends the listen-in, so the supervisor does not show as listening and can try again.</summary>
public sealed class ListenInLegTests
{
    private const string Realm = SiteSettings.DefaultSipRealm;
    private const string Password = "phone-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_listen_in_whose_supervisor_phone_is_not_registered_ends_in_the_call_grain()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("53000-53199");
        await using var phone = MediaPeer.Start(53400);
        await using var caller = MediaPeer.Start(53600);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}";
        await node.Documents.CreateAsync(new Queue { Id = "listen-leg", Name = "Listen leg" }, cancellation);
        await node.Documents.CreateAsync(new InboundNumber { Id = "7340", Name = "7340", Target = InboundNumberTargetKind.Queue, TargetId = "listen-leg" }, cancellation);
        await node.Documents.CreateAsync(Profile("listen-agent", [new QueueMembership("listen-leg")]), cancellation);
        await node.Documents.CreateAsync(Profile("listen-supervisor", []), cancellation);
        var frontEnd = new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", node.SipPort);
        Assert.Equal(200, (await Conditions.WithinAsync(phone.RegisterAsync(frontEnd, "listen-agent", Password), Wait, "REGISTER", Diagnostics, cancellation)).StatusCode);
        Assert.True((await node.Grains.GetGrain<IAgentGrain>("listen-agent").LogInAsync()).Succeeded);
        var call = caller.Call(frontEnd, "7340");
        Assert.Equal(200, (await Conditions.WithinAsync(call.Answered, Wait, "the front end answers the caller", Diagnostics, cancellation)).StatusCode);
        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase == CallPhase.Connected, Wait, $"call {callId} connected");

        Assert.True((await grain.ListenInAsync("listen-supervisor", ListenInMode.Monitor)).Changed);

        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).ListenIns.IsEmpty, Wait,
            $"call {callId}: the listen-in of the unreachable supervisor ends");
        Assert.Equal(CallPhase.Connected, (await grain.GetStatusAsync()).Phase);
        Assert.True((await grain.ListenInAsync("listen-supervisor", ListenInMode.Monitor)).Changed);
        await call.HangUpAsync();
    }

    private static AgentProfile Profile(string id, QueueMembership[] queues) => new()
    {
        Id = id,
        Name = id,
        Queues = [.. queues],
        SipUsername = id,
        SipPasswordMd5Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, id, Realm, Password),
        SipPasswordSha256Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Sha256, id, Realm, Password),
    };
}
