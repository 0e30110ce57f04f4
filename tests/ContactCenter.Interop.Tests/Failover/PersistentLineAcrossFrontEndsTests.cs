using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Host.Telephony;
using ContactCenter.Interop.Tests.Audio;
using ContactCenter.Interop.Tests.FrontEnd;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.UserAgents;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.Failover;

/// <summary>A persistent line (CALL-4) with two SIP front-end processes: the line lives in the front end that called the
/// phone, and calls arriving on the other front end are relayed into it — the agent takes them with the key on the line
/// or from the workspace, and hears and is heard by the caller through both front ends — while the phone is called only
/// once.</summary>
public sealed class PersistentLineAcrossFrontEndsTests
{
    private const string AgentId = "line-ha-agent";
    private const string QueueId = "line-ha-queue";
    private const string Number = "7104";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_arriving_on_the_front_end_without_the_line_are_relayed_into_it()
    {
        if (PostgresTestDatabase.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        await using var site = await FailoverSite.StartAsync(silos: 1, Cancel);
        var frontEnds = new[] { await site.StartFrontEndAsync("43000-43099", Cancel), await site.StartFrontEndAsync("43100-43199", Cancel) };
        await using var phone = MediaPeer.Start(43400, CallParties.Agent.Frequency);
        await using var caller = MediaPeer.Start(43600, CallParties.Caller.Frequency);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}\n{string.Join("\n", frontEnds.Select(f => f.Process.Describe()))}";
        await site.AddQueueAsync(QueueId, Number, Cancel);
        await site.Documents.CreateAsync(new AgentProfile
        {
            Id = AgentId,
            Name = AgentId,
            Queues = [new QueueMembership(QueueId)],
            LineMode = LineMode.PersistentLine,
            SipUsername = AgentId,
            SipPasswordMd5Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, AgentId, FailoverSite.Realm, FailoverSite.PhonePassword),
        }, Cancel);
        // Registered with one: the site shares registrations, so whichever front end the agent grain asks calls the phone.
        var registered = await Conditions.WithinAsync(phone.RegisterAsync(frontEnds[0].Sip, AgentId, FailoverSite.PhonePassword), Wait,
            "the phone registers", Diagnostics, Cancel);
        Assert.Equal(200, registered.StatusCode);
        var agent = site.Client.GetGrain<IAgentGrain>(AgentId);

        Assert.True((await agent.LogInAsync()).Succeeded);
        await Conditions.WaitAsync(() => phone.Calls.Count == 1, Wait, "a front end calls the phone for the line", Diagnostics, Cancel);
        var (line, lineCall) = phone.Calls.Single();
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Line == AgentLineState.Up, Wait, "the line up");
        var holder = frontEnds.Single(f => f.Sip.Port == lineCall.Peer.Port);
        var other = frontEnds.Single(f => f != holder);

        // A call on the other front end, taken with the key on the line.
        var (first, firstId) = await OfferedAsync(site, caller, other, Diagnostics);
        await OfferToneAsync(phone, line);
        await phone.SendDigitsAsync(line, FrontEndCalls.AcceptDigit.ToString());
        await TalkingAsync(site, firstId, caller, first, phone, line);
        await first.HangUpAsync();
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Work.IsEmpty, Wait, $"call {firstId}: the agent free again");

        // Another one there, taken in the workspace: the line is free for it.
        var (second, secondId) = await OfferedAsync(site, caller, other, Diagnostics);
        Assert.True((await site.Client.GetGrain<ICallGrain>(secondId).AnswerAsync(AgentId)).Succeeded);
        await TalkingAsync(site, secondId, caller, second, phone, line);
        await second.HangUpAsync();
        await Eventually.TrueAsync(async () => (await agent.GetStatusAsync()).Work.IsEmpty, Wait, $"call {secondId}: the agent free again");

        // And one on the line's own front end, as before.
        var (third, thirdId) = await OfferedAsync(site, caller, holder, Diagnostics);
        await OfferToneAsync(phone, line);
        await phone.SendDigitsAsync(line, FrontEndCalls.AcceptDigit.ToString());
        await TalkingAsync(site, thirdId, caller, third, phone, line);
        await third.HangUpAsync();

        Assert.Equal(1, phone.Invites);
        Assert.Empty(phone.HungUpByPeer);
        await Eventually.TrueAsync(async () => (await agent.LogOutAsync("end of shift")).Succeeded, Wait, "the agent logs out");
        await Conditions.WaitAsync(() => phone.HungUpByPeer.Contains(line), Wait, "the line is hung up at log-out", Diagnostics, Cancel);
    }

    /// <summary>A caller dials the queue at <paramref name="frontEnd"/>; the call is answered and offered to the agent.</summary>
    private static async Task<(SipOutgoingCall Call, string CallId)> OfferedAsync(FailoverSite site, MediaPeer caller, FrontEndProcess frontEnd,
        Func<string> diagnostics)
    {
        var call = caller.Call(frontEnd.Sip, Number);
        Assert.Equal(200, (await Conditions.WithinAsync(call.Answered, Wait, $"{frontEnd.Sip} answers the caller", diagnostics, Cancel)).StatusCode);
        string? callId = null;
        await Eventually.TrueAsync(async () =>
        {
            callId = (await site.Client.GetGrain<IAgentGrain>(AgentId).GetStatusAsync()).Work.SingleOrDefault()?.WorkId;
            return callId is not null && (await site.Client.GetGrain<ICallGrain>(callId).GetStatusAsync()).Phase == CallPhase.Ringing;
        }, Wait, $"a call on {frontEnd.Sip} offered to the agent");
        return (call, callId!);
    }

    /// <summary>Waits until the agent hears the offer tone's beeps (1 kHz) on the line, as an agent does before taking the
    /// offer with the key.</summary>
    private static Task OfferToneAsync(MediaPeer phone, string line) =>
        Eventually.TrueAsync(async () =>
        {
            var heard = await phone.ListenAsync(line, TimeSpan.FromSeconds(1), Wait, Cancel);
            return ToneAnalysis.FrameAmplitudes(heard, 1000).Any(level => level > 3000);
        }, Wait, "the offer tone on the line");

    /// <summary>The call is connected, and the caller and the agent's line hear each other.</summary>
    private static async Task TalkingAsync(FailoverSite site, string callId, MediaPeer caller, SipOutgoingCall call, MediaPeer phone, string line)
    {
        await Eventually.TrueAsync(async () => (await site.Client.GetGrain<ICallGrain>(callId).GetStatusAsync()).Phase == CallPhase.Connected,
            Wait, $"call {callId} connected");
        await Hearing.ExpectAsync(Wait, Cancel,
            new Hearing(CallParties.Caller, caller, call.CallId, [CallParties.Agent], [CallParties.Caller]),
            new Hearing(CallParties.Agent, phone, line, [CallParties.Caller], [CallParties.Agent]));
    }
}
