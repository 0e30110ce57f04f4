using ContactCenter.Drills;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Interop.Tests.Failover;

/// <summary>A SIP front-end process of a <see cref="FailoverSite"/> and where it takes SIP.</summary>
/// <param name="Process">The host process (roles: sip).</param>
/// <param name="Sip">Its UDP SIP endpoint on loopback.</param>
internal sealed record FrontEndProcess(HostProcess Process, SipEndPoint Sip);
