namespace ContactCenter.Media.Dtmf;

/// <summary>One telephone-event packet to send: the RTP fields it decides (marker, timestamp) and its payload. The
/// RTP session adds the sequence number, SSRC and the negotiated payload type.</summary>
/// <param name="Marker">Set on the first packet of an event only (§2.5.1.1).</param>
/// <param name="Timestamp">The event (segment) start; the same in every packet of the segment (§2.3.1).</param>
/// <param name="Payload">Event, end bit, volume, duration.</param>
public readonly record struct TelephoneEventPacket(bool Marker, uint Timestamp, TelephoneEventPayload Payload);
