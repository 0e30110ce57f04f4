using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Voicemails;
using ContactCenter.Sip.Transactions;
using ContactCenter.TestSupport;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>A caller waiting in a queue with real RTP hears the queue's music, presses a key of the queue's treatment as
/// an RFC 4733 telephone event, and leaves a voicemail in the demo's voicemail tree instead of waiting (IVR-5, IVR-3).
/// </summary>
public sealed class FrontEndQueueWaitTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly string VoicemailDirectory = Path.Combine(Path.GetTempPath(), "contactcenter", "voicemail");

    [Fact]
    public async Task A_waiting_caller_presses_2_and_leaves_a_voicemail_instead_of_waiting()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("37000-37199");
        await using var caller = MediaPeer.Start(37400);
        string Diagnostics() => caller.Log.Tail();
        await node.Documents.CreateAsync(new Queue
        {
            Id = "wait-keys",
            Name = "Wait keys",
            Treatment = new QueueTreatment { OptionsPromptId = "wait-options", Options = [new QueueWaitOption("2", "queue-voicemail")] },
        }, cancellation);
        await node.Documents.CreateAsync(new InboundNumber { Id = "7800", Name = "7800", Target = InboundNumberTargetKind.Queue, TargetId = "wait-keys" }, cancellation);

        var call = caller.Call(new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", node.SipPort), "7800");
        Assert.Equal(200, (await Conditions.WithinAsync(call.Answered, Wait, "the front end answers the caller", Diagnostics, cancellation)).StatusCode);
        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        var grain = node.Grains.GetGrain<ICallGrain>(callId);
        await Eventually.TrueAsync(async () => (await grain.GetStatusAsync()).Phase == CallPhase.Queued, Wait, $"call {callId} waits in the queue");
        await Conditions.WaitAsync(() => caller.PacketsReceived(call.CallId) >= 25, Wait, $"call {callId}: the caller hears the music", Diagnostics, cancellation);

        await caller.SendDigitsAsync(call.CallId, "2");

        string? file = null;
        await Conditions.WaitAsync(() => (file = Recording(callId)) is not null, Wait, $"call {callId}: the voicemail recording starts", Diagnostics, cancellation);
        try
        {
            Assert.Equal(CallPhase.Ivr, (await grain.GetStatusAsync()).Phase);
            var queue = await node.Grains.GetGrain<IQueueGrain>("wait-keys").GetSnapshotAsync();
            Assert.Equal((0, 1), (queue.Waiting.Length, queue.Counters.Withdrawn));
            var sentAtStart = caller.PacketsSent(call.CallId);
            await Conditions.WaitAsync(() => caller.PacketsSent(call.CallId) >= sentAtStart + 25, Wait, $"call {callId}: the caller speaks", Diagnostics, cancellation);
            await call.HangUpAsync();

            Voicemail? voicemail = null;
            await Eventually.TrueAsync(
                async () => (voicemail = (await node.Documents.ListAsync<Voicemail>(limit: 500)).Items.FirstOrDefault(v => v.CallId == callId)) is not null,
                Wait, $"call {callId}: the voicemail is filed");
            Assert.Equal(("support", file), (voicemail!.MailboxId, voicemail.Path));
            Assert.True(voicemail.Duration > TimeSpan.Zero);
        }
        finally
        {
            File.Delete(file!);
        }
    }

    private static string? Recording(string callId) =>
        Directory.Exists(VoicemailDirectory) ? Directory.EnumerateFiles(VoicemailDirectory, callId + "-*.wav").FirstOrDefault() : null;
}
