using System.Globalization;

namespace ContactCenter.Sip.Sdp;

/// <summary>RFC 3264 offer/answer for one audio stream of PCMU/PCMA with optional telephone-event, including hold
/// (sendonly/recvonly/inactive, and the legacy c=0.0.0.0 of RFC 3264 §8.4).</summary>
public static class SdpOfferAnswer
{
    private const string AudioProfile = "RTP/AVP";

    /// <summary>An offer with one audio stream carrying our codecs, DTMF, ptime and direction.</summary>
    public static SdpSession CreateOffer(SdpLocalAudio local)
    {
        var codecs = new List<SdpCodec>(local.Codecs);
        if (local.TelephoneEventPayloadType is { } pt)
        {
            codecs.Add(SdpCodec.TelephoneEvent(pt));
        }
        var session = NewSession(local);
        session.Media.Add(AudioMedia(local, codecs, local.Direction));
        return session;
    }

    /// <summary>Answers <paramref name="offer"/> (RFC 3264 §6): the first acceptable audio stream is accepted with the
    /// offerer's most preferred codec we support (and telephone-event if offered); every other stream is rejected with
    /// port 0, keeping count and order.</summary>
    public static SdpAnswerResult CreateAnswer(SdpSession offer, SdpLocalAudio local)
    {
        var answer = NewSession(local);
        SdpNegotiatedAudio? audio = null;
        foreach (var offered in offer.Media)
        {
            if (audio is null && TryAccept(offer, offered, local, out var codec, out var dtmf))
            {
                var connection = offer.ConnectionOf(offered);
                var offeredDirection = offer.DirectionOf(offered);
                var peerReceives = Receives(offeredDirection) && connection is { IsNullAddress: false };
                var ours = Combine(Sends(local.Direction) && peerReceives, Receives(local.Direction) && Sends(offeredDirection));
                var codecs = dtmf is null ? new List<SdpCodec> { codec } : [codec, dtmf];
                answer.Media.Add(AudioMedia(local, codecs, ours));
                audio = new SdpNegotiatedAudio(
                    connection is { IsNullAddress: false } ? connection.Address : null, offered.Port, codec,
                    dtmf?.PayloadType, ours, offered.Ptime);
                continue;
            }
            // Rejected: port zero, the offered formats echoed (an m= line needs at least one), no attributes.
            answer.Media.Add(new SdpMedia { Media = offered.Media, Port = 0, Protocol = offered.Protocol, Formats = [.. offered.Formats] });
        }
        return new SdpAnswerResult(answer, audio);
    }

    /// <summary>Reads the answer to our <paramref name="offer"/>: the audio stream as accepted, or null when the
    /// answerer rejected it (port 0) or answered with nothing we offered.</summary>
    public static SdpNegotiatedAudio? ProcessAnswer(SdpSession offer, SdpSession answer)
    {
        for (var i = 0; i < offer.Media.Count && i < answer.Media.Count; i++)
        {
            var ours = offer.Media[i];
            var theirs = answer.Media[i];
            if (ours.Media != "audio" || ours.Port == 0 || theirs.Port == 0)
            {
                continue;
            }
            var offeredCodecs = CodecsOf(ours);
            SdpCodec? codec = null;
            int? dtmf = null;
            foreach (var candidate in CodecsOf(theirs))
            {
                var match = offeredCodecs.Find(c => c.SameFormat(candidate));
                if (match is null)
                {
                    continue;
                }
                if (candidate.IsTelephoneEvent)
                {
                    dtmf ??= candidate.PayloadType;
                }
                else
                {
                    codec ??= candidate;
                }
            }
            if (codec is null)
            {
                return null;
            }
            var connection = answer.ConnectionOf(theirs);
            var answered = answer.DirectionOf(theirs);
            var offered = offer.DirectionOf(ours);
            var direction = Combine(
                Sends(offered) && Receives(answered) && connection is { IsNullAddress: false },
                Receives(offered) && Sends(answered));
            return new SdpNegotiatedAudio(
                connection is { IsNullAddress: false } ? connection.Address : null, theirs.Port, codec, dtmf, direction, theirs.Ptime);
        }
        return null;
    }

    /// <summary>The codecs a media description lists, from rtpmap or, for static payload types, RFC 3551.</summary>
    public static List<SdpCodec> CodecsOf(SdpMedia media)
    {
        var codecs = new List<SdpCodec>(media.Formats.Count);
        foreach (var format in media.Formats)
        {
            if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127)
            {
                continue;
            }
            if (media.TryGetRtpMap(format, out var name, out var clock))
            {
                codecs.Add(new SdpCodec(pt, name, clock, media.GetFmtp(format)));
            }
            else if (pt == 0)
            {
                codecs.Add(SdpCodec.Pcmu);
            }
            else if (pt == 8)
            {
                codecs.Add(SdpCodec.Pcma);
            }
        }
        return codecs;
    }

    private static bool TryAccept(SdpSession offer, SdpMedia offered, SdpLocalAudio local, out SdpCodec codec, out SdpCodec? dtmf)
    {
        codec = null!;
        dtmf = null;
        if (offered.Media != "audio" || offered.Port == 0 || offered.Protocol != AudioProfile || offer.ConnectionOf(offered) is null)
        {
            return false;
        }
        SdpCodec? chosen = null;
        foreach (var candidate in CodecsOf(offered))
        {
            if (candidate.IsTelephoneEvent)
            {
                if (local.TelephoneEventPayloadType is not null && candidate.ClockRate == 8000)
                {
                    dtmf ??= candidate with { Fmtp = "0-16" };
                }
            }
            else if (chosen is null && local.Codecs.Any(c => c.SameFormat(candidate)))
            {
                chosen = candidate with { Fmtp = null };
            }
        }
        codec = chosen!;
        return chosen is not null;
    }

    private static SdpSession NewSession(SdpLocalAudio local)
    {
        var connection = SdpConnection.For(local.Address);
        return new SdpSession
        {
            Origin = new SdpOrigin(local.Username, local.SessionId, local.SessionVersion, "IN", connection.AddressType, local.Address),
            SessionName = "-",
            Connection = connection,
        };
    }

    private static SdpMedia AudioMedia(SdpLocalAudio local, List<SdpCodec> codecs, SdpDirection direction)
    {
        var media = new SdpMedia { Media = "audio", Port = local.Port, Protocol = AudioProfile };
        foreach (var codec in codecs)
        {
            var pt = codec.PayloadType.ToString(CultureInfo.InvariantCulture);
            media.Formats.Add(pt);
            media.Attributes.Add(new SdpAttribute("rtpmap", string.Create(CultureInfo.InvariantCulture, $"{pt} {codec.EncodingName}/{codec.ClockRate}")));
            if (codec.Fmtp is not null)
            {
                media.Attributes.Add(new SdpAttribute("fmtp", $"{pt} {codec.Fmtp}"));
            }
        }
        if (local.Ptime is { } ptime)
        {
            media.Attributes.Add(new SdpAttribute("ptime", ptime.ToString(CultureInfo.InvariantCulture)));
        }
        media.SetDirection(direction);
        return media;
    }

    private static bool Sends(SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    private static bool Receives(SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    private static SdpDirection Combine(bool send, bool receive) => (send, receive) switch
    {
        (true, true) => SdpDirection.SendRecv,
        (true, false) => SdpDirection.SendOnly,
        (false, true) => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };
}
