using System.Globalization;
using System.Numerics;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.UserAgents;

public abstract partial class SipCall
{
    private ReadOnlyMemory<byte> _localSdp;
    private ReadOnlyMemory<byte> _remoteSdp;

    /// <summary>Our session description as last negotiated (the offer or answer we sent in the INVITE, its 2xx or the
    /// latest re-INVITE exchange); null before a 2xx or when the call carried no SDP.</summary>
    public SdpSession? LocalSdp
    {
        get
        {
            lock (Sync)
            {
                return ParseOrNull(_localSdp);
            }
        }
    }

    /// <summary>The peer's session description as last negotiated; null before a 2xx or without SDP.</summary>
    public SdpSession? RemoteSdp
    {
        get
        {
            lock (Sync)
            {
                return ParseOrNull(_remoteSdp);
            }
        }
    }

    /// <summary>The direction of our first media stream as negotiated (sendonly or inactive while we hold the peer,
    /// recvonly while the peer holds us); sendrecv when there is no SDP.</summary>
    public SdpDirection LocalDirection => FirstDirection(LocalSdp);

    /// <summary>The direction of the peer's first media stream as negotiated; sendrecv when there is no SDP.</summary>
    public SdpDirection RemoteDirection => FirstDirection(RemoteSdp);

    /// <summary>A new offer from our current description with every stream set to <paramref name="direction"/> and
    /// the origin version raised (RFC 3264 §8): sendonly or inactive holds, sendrecv resumes.</summary>
    public byte[] CreateOffer(SdpDirection direction)
    {
        var local = LocalSdp ?? throw new InvalidOperationException($"call {CallId} has no negotiated SDP to modify");
        foreach (var media in local.Media)
        {
            media.SetDirection(direction);
        }
        return Revised(local).ToBytes();
    }

    /// <summary>An answer to <paramref name="offer"/> from our current description (RFC 3264 §6.1): each stream takes
    /// the mirror of the offered direction, the origin version is raised; null when the call has no SDP. Without
    /// <paramref name="offer"/>, the current description with a raised version (an offer for the 2xx).</summary>
    public byte[]? CreateMirroredAnswer(SdpSession? offer)
    {
        if (LocalSdp is not { } local)
        {
            return null;
        }
        // Without an offer (a re-INVITE without body) the 2xx carries our offer: the current description unchanged.
        for (var i = 0; offer is not null && i < local.Media.Count; i++)
        {
            var offered = i < offer.Media.Count ? offer.DirectionOf(offer.Media[i]) : SdpDirection.Inactive;
            local.Media[i].SetDirection(Mirror(offered));
        }
        return Revised(local).ToBytes();
    }

    /// <summary>The direction an answerer takes for an offered one (RFC 3264 §6.1).</summary>
    public static SdpDirection Mirror(SdpDirection offered) => offered switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        SdpDirection.Inactive => SdpDirection.Inactive,
        _ => SdpDirection.SendRecv,
    };

    /// <summary>Records a completed offer/answer exchange; an empty side keeps what was there.</summary>
    private protected void SetSessionLocked(ReadOnlyMemory<byte> local, ReadOnlyMemory<byte> remote)
    {
        if (!local.IsEmpty)
        {
            _localSdp = local.ToArray();
        }
        if (!remote.IsEmpty)
        {
            _remoteSdp = remote.ToArray();
        }
    }

    private static SdpSession Revised(SdpSession session)
    {
        // Directions now live on each stream; a session-level one would contradict them.
        session.Attributes.RemoveAll(a => SdpSession.ParseDirection(a.Name) is not null);
        var version = BigInteger.TryParse(session.Origin.SessionVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v + 1 : BigInteger.One;
        session.Origin = session.Origin with { SessionVersion = version.ToString(CultureInfo.InvariantCulture) };
        return session;
    }

    private static SdpSession? ParseOrNull(ReadOnlyMemory<byte> body) =>
        !body.IsEmpty && SdpParser.TryParse(body.Span, out var session, out _) ? session : null;

    private static SdpDirection FirstDirection(SdpSession? session) =>
        session is { Media: [var first, ..] } ? session.DirectionOf(first) : SdpDirection.SendRecv;
}
