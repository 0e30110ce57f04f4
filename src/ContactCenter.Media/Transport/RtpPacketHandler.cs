using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Transport;

/// <summary>Receives each valid RTP packet of a session, on the session's receive loop. The packet is a view over a
/// buffer reused for the next datagram: copy what must outlive the call.</summary>
/// <param name="session">The receiving session.</param>
/// <param name="packet">The parsed packet.</param>
/// <param name="arrival">Arrival time on the session's monotonic clock.</param>
public delegate void RtpPacketHandler(RtpSession session, RtpPacket packet, TimeSpan arrival);
