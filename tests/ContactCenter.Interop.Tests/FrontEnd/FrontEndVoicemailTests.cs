using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Voicemails;
using ContactCenter.Media.Recording;
using ContactCenter.Sip.Transactions;
using ContactCenter.TestSupport;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>The front end records a caller's voicemail from an IVR voicemail node with real RTP, and the IVR files it.</summary>
public sealed class FrontEndVoicemailTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly string VoicemailDirectory = Path.Combine(Path.GetTempPath(), "contactcenter", "voicemail");

    [Fact]
    public async Task A_callers_message_is_recorded_until_the_caller_hangs_up_and_filed()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var node = await FrontEndNode.StartAsync("31000-31199");
        await using var caller = MediaPeer.Start(31400);
        string Diagnostics() => caller.Log.Tail();
        await node.Documents.CreateAsync(new IvrTree
        {
            Id = "voicemail-tree",
            Name = "Voicemail",
            StartNodeId = "message",
            Nodes = [new IvrVoicemailNode { Id = "message", Prompt = new IvrPrompt { PromptId = "no-such-beep" }, MailboxId = "sales", MaxDuration = TimeSpan.FromSeconds(30) }],
        }, cancellation);
        await node.Documents.CreateAsync(new InboundNumber { Id = "7700", Name = "7700", Target = InboundNumberTargetKind.IvrTree, TargetId = "voicemail-tree" }, cancellation);

        var call = caller.Call(new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", node.SipPort), "7700");
        Assert.Equal(200, (await Conditions.WithinAsync(call.Answered, Wait, "the front end answers the caller", Diagnostics, cancellation)).StatusCode);
        var callId = node.Calls.FindCallId(call.CallId);
        Assert.NotNull(callId);
        string? file = null;
        await Conditions.WaitAsync(() => (file = Recording(callId)) is not null, Wait, $"call {callId}: the voicemail recording starts", Diagnostics, cancellation);
        var sentAtStart = caller.PacketsSent(call.CallId);
        await Conditions.WaitAsync(() => caller.PacketsSent(call.CallId) >= sentAtStart + 50, Wait, $"call {callId}: the caller speaks for a second", Diagnostics, cancellation);
        await call.HangUpAsync();
        var sent = caller.PacketsSent(call.CallId) - sentAtStart;

        Voicemail? voicemail = null;
        await Eventually.TrueAsync(async () => (voicemail = await FiledAsync(node, callId)) is not null, Wait, $"call {callId}: the voicemail is filed");
        try
        {
            Assert.Equal("sales", voicemail!.MailboxId);
            Assert.Equal(file, voicemail.Path);
            var samples = WavReader.ReadMono8k(file!);
            // What was sent while the file was open, give or take the packets in flight at its start and at the hang-up.
            Assert.InRange(samples.Length, (sent - 15) * 160, (sent + 15) * 160);
            Assert.Equal(samples.Length / 8000.0, voicemail.Duration.TotalSeconds, 3);
        }
        finally
        {
            File.Delete(file!);
        }
    }

    private static string? Recording(string callId) =>
        Directory.Exists(VoicemailDirectory) ? Directory.EnumerateFiles(VoicemailDirectory, callId + "-*.wav").FirstOrDefault() : null;

    private static async Task<Voicemail?> FiledAsync(FrontEndNode node, string callId) =>
        (await node.Documents.ListAsync<Voicemail>(limit: 500)).Items.FirstOrDefault(v => v.CallId == callId);
}
