using ContactCenter.Contracts.Configuration;
using ContactCenter.Sip.Authentication;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;
using ContactCenter.Storage.Documents;
using ContactCenter.Sip.UserAgents;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Host.Telephony;

internal sealed partial class FrontEndCalls
{
    /// <summary>Digest challenges answered per INVITE; a second non-stale one means the credentials are wrong.</summary>
    private const int MaxAuthenticationRetries = 2;

    /// <summary>The trunks external calls may leave through, in the order they are tried (<see cref="Trunk.Order"/>,
    /// then id).</summary>
    private async Task<List<Trunk>> OutboundTrunksAsync()
    {
        var trunks = new List<Trunk>();
        await foreach (var trunk in _store.ReadAllAsync<Trunk>())
        {
            if (trunk.Outbound)
            {
                trunks.Add(trunk);
            }
        }
        return [.. trunks.OrderBy(t => t.Order).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <summary>Dials <paramref name="number"/> for <paramref name="leg"/> (whose media is made) through the first trunk
    /// that is reachable: an INVITE with an offer from the leg's media, a digest challenge answered with the trunk's
    /// credentials, the next trunk when one does not answer at all (408 or 503 made up by our stack). Each INVITE is set
    /// on the leg and passed to <paramref name="sent"/> under the call's lock, so ending the call cancels it; the ring
    /// timeout cancels it too (<see cref="FrontEndAgentLeg.RangOut"/>). Returns the last final response, or null when
    /// the call ended or the leg was dropped meanwhile.</summary>
    private Task<SipResponse?> DialTrunksAsync(
        FrontEndCall call, FrontEndAgentLeg leg, IReadOnlyList<Trunk> trunks, string number, string? callerNumber, TimeSpan ringTimeout,
        Action<SipOutgoingCall>? sent = null) =>
        DialTrunksAsync(call.Sync, $"call {call.CallId}", () => call.Ended, leg, trunks, number, callerNumber, ringTimeout, sent);

    /// <summary>Dials through the trunks, as the overload for calls does, for a leg guarded by <paramref name="sync"/> (a
    /// call's lock, or a persistent line's); <paramref name="owner"/> names the owner in logs and <paramref name="ended"/>
    /// tells whether it ended.</summary>
    private async Task<SipResponse?> DialTrunksAsync(
        Lock sync, string owner, Func<bool> ended, FrontEndAgentLeg leg, IReadOnlyList<Trunk> trunks, string number, string? callerNumber,
        TimeSpan ringTimeout, Action<SipOutgoingCall>? sent = null)
    {
        var media = leg.Media ?? throw new InvalidOperationException($"{owner}: leg {leg.AgentId} has no media to offer");
        var offer = SdpOfferAnswer.CreateOffer(LocalAudio(media, [FrontEndSdp.CodecOf(media.Codec)]));
        leg.Offer = offer;
        SipResponse? response = null;
        using var timer = _time.CreateTimer(_ => RingOutExternal(sync, leg), null, ringTimeout, Timeout.InfiniteTimeSpan);
        foreach (var trunk in trunks)
        {
            var destination = new SipEndPoint(TransportOf(trunk.Transport), trunk.Host, trunk.Port);
            var invite = TrunkInvite(trunk, number, callerNumber, offer);
            var credentials = trunk is { AuthUsername: { } user, AuthPassword: { } password } ? new SipDigestClient(user, password) : null;
            for (var retries = 0; ; retries++)
            {
                SipOutgoingCall? sip = null;
                lock (sync)
                {
                    if (!leg.Dropped && !ended() && !leg.RangOut)
                    {
                        sip = _userAgent!.SendInvite(invite, destination);
                        leg.Sip = sip;
                        sent?.Invoke(sip);
                    }
                }
                if (sip is null)
                {
                    return leg.RangOut ? response ?? SipResponseFactory.CreateResponse(invite, 487) : null;
                }
                response = await sip.Answered;
                if (response.StatusCode is not (401 or 407) || credentials is null || retries >= MaxAuthenticationRetries
                    || (retries > 0 && SipDigestClient.SelectChallenge(response) is not { Stale: true }))
                {
                    break;
                }
                // RFC 3261 §22.2: the same Call-ID and From tag, CSeq + 1, with our answer to the challenge.
                var retry = SipRequestFactory.CreateRetry(invite);
                if (!credentials.TryAuthorize(retry, response))
                {
                    break;
                }
                invite = retry;
            }
            if (response.IsSuccess || leg.RangOut || response.StatusCode is not (408 or 503))
            {
                return response;
            }
            LogTrunkUnreachable(_logger, owner, trunk.Id, response.StatusCode);
        }
        return response;
    }

    /// <summary>The INVITE to <paramref name="trunk"/>: <c>sip:{DialPrefix}{number}@{Host}:{Port}</c>, From the trunk's
    /// caller id (else <paramref name="callerNumber"/>).</summary>
    private SipRequest TrunkInvite(Trunk trunk, string number, string? callerNumber, SdpSession offer)
    {
        var uri = new SipUri(SipUriScheme.Sip, (trunk.DialPrefix ?? "") + number, trunk.Host, trunk.Port);
        if (trunk.Transport != Contracts.Configuration.SipTransportKind.Udp)
        {
            uri = uri.WithParameter("transport", trunk.Transport.ToString().ToLowerInvariant());
        }
        var invite = _userAgent!.CreateRequest(SipMethods.Invite, uri);
        var presented = trunk.OutboundCallerId ?? (string.IsNullOrWhiteSpace(callerNumber) ? null : callerNumber);
        if (presented is not null && invite.From is { } from)
        {
            invite.Headers.Set(SipHeaderNames.From,
                new NameAddress(new SipUri(SipUriScheme.Sip, presented, from.Uri.Host, from.Uri.Port)).WithTag(from.Tag!).ToString());
        }
        invite.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = offer.ToBytes();
        return invite;
    }

    private static void RingOutExternal(Lock sync, FrontEndAgentLeg leg)
    {
        SipOutgoingCall? sip;
        lock (sync)
        {
            leg.RangOut = true;
            sip = leg.Sip;
        }
        sip?.Cancel();
    }

    private static SipTransportKind TransportOf(Contracts.Configuration.SipTransportKind transport) => transport switch
    {
        Contracts.Configuration.SipTransportKind.Tcp => SipTransportKind.Tcp,
        Contracts.Configuration.SipTransportKind.Tls => SipTransportKind.Tls,
        _ => SipTransportKind.Udp,
    };

    [LoggerMessage(186, LogLevel.Warning, "Telephony: {Owner}: trunk {TrunkId} did not answer ({Status}); trying the next outbound trunk")]
    private static partial void LogTrunkUnreachable(ILogger logger, string owner, string trunkId, int status);
}
