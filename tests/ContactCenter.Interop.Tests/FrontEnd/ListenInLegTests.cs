using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.TestSupport;
using static ContactCenter.Interop.Tests.FrontEnd.FrontEndScenario;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>A supervisor whose phone is not registered listens in: the front end reports the leg unreachable and the
/// call grain ends the listen-in, so the supervisor does not show as listening and can try again.</summary>
public sealed class ListenInLegTests
{
    private static readonly TimeSpan Wait = FrontEndScenario.Wait;

    [Fact]
    public async Task A_listen_in_whose_supervisor_phone_is_not_registered_ends_in_the_call_grain()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("53000-53199");
        await using var phone = MediaPeer.Start(53400);
        await using var caller = MediaPeer.Start(53600);
        string Diagnostics() => $"{phone.Log.Tail()}\n{caller.Log.Tail()}";
        await node.Documents.CreateAsync(PhoneProfile("listen-supervisor", "listen-supervisor"), cancellation);
        await RegisterAgentAsync(node, phone, "listen-agent", "listen-agent", "listen-leg", Diagnostics, cancellation);
        var (call, callId) = await ConnectCallerAsync(node, caller, phone, "listen-leg", "7340", Diagnostics, cancellation);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);

        Assert.True((await grain.ListenInAsync("listen-supervisor", ListenInMode.Monitor)).Changed);

        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).ListenIns.IsEmpty, Wait,
            $"call {callId}: the listen-in of the unreachable supervisor ends");
        Assert.Equal(CallPhase.Connected, (await grain.GetStatusAsync()).Phase);
        Assert.True((await grain.ListenInAsync("listen-supervisor", ListenInMode.Monitor)).Changed);
        await call.HangUpAsync();
    }
}
