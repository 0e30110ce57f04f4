using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.UserAgents;

/// <summary>A re-INVITE we send (RFC 3261 §14.1), across 491 retries: the user state of its client transactions.
/// Guarded by its call's lock.</summary>
internal sealed class SipReInvite(SipCall call, ReadOnlyMemory<byte> offer, string contentType)
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SipCall Call { get; } = call;

    public ReadOnlyMemory<byte> Offer { get; } = offer;

    public string ContentType { get; } = contentType;

    public Task<SipResponse> Final => _final.Task;

    /// <summary>The request of the current attempt.</summary>
    public SipRequest? Request { get; set; }

    /// <summary>Whether the current attempt awaits its final response (what makes a crossing re-INVITE glare).</summary>
    public bool InFlight { get; set; }

    /// <summary>The ACK for the 2xx, resent for each retransmitted 2xx.</summary>
    public SipRequest? Ack { get; set; }

    public int GlareRetries { get; set; }

    public ITimer? RetryTimer { get; set; }

    public void Complete(SipResponse response) => _final.TrySetResult(response);
}
