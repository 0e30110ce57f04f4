using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.UserAgents;

/// <summary>The user state of a client transaction started by <see cref="SipUserAgent.SendRequestAsync(Messages.SipRequest, Transactions.SipEndPoint)"/>: completes
/// with the final response, or with a response made up locally for a timeout (408) or transport failure (503).</summary>
internal sealed class SipPendingRequest
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<SipResponse> Final => _final.Task;

    public void Complete(SipResponse response) => _final.TrySetResult(response);
}
