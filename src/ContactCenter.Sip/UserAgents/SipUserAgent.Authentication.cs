using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

public sealed partial class SipUserAgent
{
    // The first challenge is always answered; later ones only when they say the nonce was stale (§22.2: a second
    // non-stale challenge means the credentials are wrong, and asking again would loop).
    private const int MaxAuthenticationRetries = 3;

    /// <summary>Sends <paramref name="request"/> like <see cref="SendRequestAsync(SipRequest, SipEndPoint)"/> and
    /// answers 401/407 challenges with <paramref name="credentials"/> (a retry with CSeq + 1 and a new branch). When
    /// <paramref name="preemptive"/>, the first attempt already carries credentials for the last challenge answered.
    /// Completes with the final response of the last attempt.</summary>
    public async Task<SipResponse> SendRequestAsync(SipRequest request, SipEndPoint destination, SipDigestClient credentials, bool preemptive = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        if (preemptive)
        {
            credentials.TryAuthorizePreemptively(request);
        }
        var response = await SendRequestAsync(request, destination).ConfigureAwait(false);
        for (var retries = 0; response.StatusCode is 401 or 407 && retries < MaxAuthenticationRetries; retries++)
        {
            if (retries > 0 && SipDigestClient.SelectChallenge(response) is not { Stale: true })
            {
                break;
            }
            var retry = SipRequestFactory.CreateRetry(request);
            if (!credentials.TryAuthorize(retry, response))
            {
                break;
            }
            request = retry;
            response = await SendRequestAsync(retry, destination).ConfigureAwait(false);
        }
        return response;
    }
}
