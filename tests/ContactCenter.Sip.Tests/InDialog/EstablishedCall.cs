using ContactCenter.Sip.Tests.Loopback;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.InDialog;

/// <summary>Two loopback stacks with one answered and ACKed call between them: the caller's and the callee's side.</summary>
internal sealed class EstablishedCall : IAsyncDisposable
{
    private EstablishedCall(LoopbackStacks stacks, SipOutgoingCall caller, SipIncomingCall callee)
    {
        Stacks = stacks;
        Caller = caller;
        Callee = callee;
    }

    public LoopbackStacks Stacks { get; }

    public SipOutgoingCall Caller { get; }

    public SipIncomingCall Callee { get; }

    public static async Task<EstablishedCall> StartAsync(SipTransportKind transport, CancellationToken ct)
    {
        var stacks = LoopbackStacks.Create();
        var (destination, uri) = stacks.Target(transport);
        var caller = stacks.Caller.UserAgent.Invite(uri, destination, TestCallHandler.Offer());
        Assert.Equal(200, (await caller.Answered.WaitAsync(LoopbackStacks.Patience, ct)).StatusCode);
        var callee = (SipIncomingCall)await stacks.CalleeHandler.Established.Task.WaitAsync(LoopbackStacks.Patience, ct);
        return new EstablishedCall(stacks, caller, callee);
    }

    public ValueTask DisposeAsync() => Stacks.DisposeAsync();
}
