using System.Collections.Concurrent;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Loopback;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.InDialog;

/// <summary>REFER + NOTIFY (RFC 3515) and INVITE with Replaces (RFC 3891) over real loopback sockets.</summary>
public sealed class TransferTests
{
    private static readonly TimeSpan Patience = LoopbackStacks.Patience;

    public static TheoryData<SipTransportKind> Transports => [SipTransportKind.Udp, SipTransportKind.Tcp];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Blind_transfer_gets_202_and_the_transferor_sees_NOTIFY_100_then_200(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await EstablishedCall.StartAsync(transport, ct);
        call.Stacks.CalleeHandler.AcceptTransfers = true;
        var requested = new TaskCompletionSource<SipTransferRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Callee.TransferRequested += (_, transfer) => requested.TrySetResult(transfer);
        var progress = new ConcurrentQueue<SipTransferProgress>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Caller.TransferProgress += (_, p) =>
        {
            progress.Enqueue(p);
            if (p.IsFinal)
            {
                done.TrySetResult();
            }
        };
        var target = SipUri.Parse("sip:agent7@127.0.0.1:5099");

        var response = await call.Caller.TransferAsync(target).WaitAsync(Patience, ct);

        Assert.Equal(202, response.StatusCode);
        var transfer = await requested.Task.WaitAsync(Patience, ct);
        Assert.Equal(target, transfer.Target);
        Assert.Null(transfer.Replaces);
        Assert.NotNull(transfer.ReferredBy);
        Assert.Equal(200, (await transfer.ReportProgressAsync(200).WaitAsync(Patience, ct)).StatusCode);
        await done.Task.WaitAsync(Patience, ct);
        Assert.Equal([new SipTransferProgress(100, "Trying", false), new SipTransferProgress(200, "OK", true)], progress);
        Assert.Throws<InvalidOperationException>(() => { _ = transfer.ReportProgressAsync(200); });
    }

    [Fact]
    public async Task A_transfer_the_handler_declines_gets_603()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await EstablishedCall.StartAsync(SipTransportKind.Udp, ct);

        var response = await call.Caller.TransferAsync(SipUri.Parse("sip:agent7@127.0.0.1")).WaitAsync(Patience, ct);

        Assert.Equal(603, response.StatusCode);
        Assert.Equal(SipCallState.Established, call.Caller.State);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Attended_transfer_carries_Replaces_and_the_INVITE_with_it_finds_the_dialog(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await EstablishedCall.StartAsync(transport, ct);
        var stacks = call.Stacks;
        stacks.CalleeHandler.AcceptTransfers = true;
        var (destination, uri) = stacks.Target(transport);
        // The consultation call: a second call between the same two stacks.
        var consultation = stacks.Caller.UserAgent.Invite(uri, destination, TestCallHandler.Offer());
        Assert.Equal(200, (await consultation.Answered.WaitAsync(Patience, ct)).StatusCode);
        var consulted = stacks.CalleeHandler.Calls.Single(c => c.CallId == consultation.CallId);
        var requested = new TaskCompletionSource<SipTransferRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Callee.TransferRequested += (_, transfer) => requested.TrySetResult(transfer);

        Assert.Equal(202, (await call.Caller.TransferAsync(uri, consultation).WaitAsync(Patience, ct)).StatusCode);

        var transfer = await requested.Task.WaitAsync(Patience, ct);
        Assert.Equal(SipReplaces.ForPeerOf(consultation.Dialog!.Id), transfer.Replaces);
        Assert.Equal(consulted.Dialog!.Id, transfer.Replaces!.DialogId);
        // The transferee's INVITE to the Refer-To target carries the Replaces as a header (RFC 3261 §19.1.5).
        var replacing = stacks.Callee.UserAgent.Invite(transfer.Target, destination, TestCallHandler.Offer());
        Assert.Equal(200, (await replacing.Answered.WaitAsync(Patience, ct)).StatusCode);
        var incoming = stacks.CalleeHandler.Calls.Single(c => c.CallId == replacing.CallId);
        Assert.Same(consulted, incoming.ReplacedCall);
        Assert.Null(consulted.ReplacedCall);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task INVITE_with_Replaces_matching_no_dialog_gets_481(SipTransportKind transport)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await EstablishedCall.StartAsync(transport, ct);
        var (destination, uri) = call.Stacks.Target(transport);
        var unknown = new SipReplaces(call.Caller.CallId, "no-such-tag", call.Caller.Dialog!.Id.LocalTag);

        var answer = await call.Stacks.Caller.UserAgent.Invite(unknown.AddTo(uri), destination, TestCallHandler.Offer()).Answered.WaitAsync(Patience, ct);

        Assert.Equal(481, answer.StatusCode);
        Assert.Single(call.Stacks.CalleeHandler.Calls);
        Assert.Equal(1, call.Stacks.Callee.UserAgent.IncomingCallCount);
    }
}
