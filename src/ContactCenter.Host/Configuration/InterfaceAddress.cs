using System.Net;

namespace ContactCenter.Host.Configuration;

/// <summary>One unicast address of one of the machine's network interfaces, as far as choosing an address to advertise
/// needs it.</summary>
/// <param name="Interface">The interface's name (for the log).</param>
/// <param name="Up">Whether the interface is up.</param>
/// <param name="Loopback">Whether the interface is a loopback interface.</param>
/// <param name="Address">The address.</param>
internal sealed record InterfaceAddress(string Interface, bool Up, bool Loopback, IPAddress Address);
