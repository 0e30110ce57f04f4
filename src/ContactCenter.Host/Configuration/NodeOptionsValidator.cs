using System.Net;
using Microsoft.Extensions.Options;

namespace ContactCenter.Host.Configuration;

/// <summary>Checks <see cref="NodeOptions"/> at start-up and names each bad value with its flag and configuration key,
/// so an operator can fix all of them in one go.</summary>
internal sealed class NodeOptionsValidator : IValidateOptions<NodeOptions>
{
    public ValidateOptionsResult Validate(string? name, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        var roles = NodeOptions.ParseRoles(options.Roles, out var unknown);
        foreach (var role in unknown)
        {
            errors.Add($"{Flag("--roles", nameof(NodeOptions.Roles))}: unknown role '{role}' (roles are silo, web, sip)");
        }
        if (roles == NodeRoles.None && unknown.Count == 0)
        {
            errors.Add($"{Flag("--roles", nameof(NodeOptions.Roles))}: name at least one role of silo, web, sip");
        }

        if (string.IsNullOrEmpty(options.Site) || options.Site.Length > 32
            || !options.Site.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add($"{Flag("--site", nameof(NodeOptions.Site))}: '{options.Site}' is not a site name (1-32 letters, digits, '-' or '_')");
        }
        if (!IPAddress.TryParse(options.Bind, out _))
        {
            errors.Add($"{Flag("--bind", nameof(NodeOptions.Bind))}: '{options.Bind}' is not an IP address");
        }

        if (options.Advertise is { } advertise
            && (!IPAddress.TryParse(advertise, out var advertised) || AdvertisedAddress.IsWildcard(advertised)))
        {
            errors.Add($"{Flag("--advertise", nameof(NodeOptions.Advertise))}: '{advertise}' is not a concrete IP address (a wildcard such as 0.0.0.0 or :: cannot be advertised)");
        }

        CheckPort(errors, "--http-port", nameof(NodeOptions.HttpPort), options.HttpPort);
        CheckPort(errors, "--sip-port", nameof(NodeOptions.SipPort), options.SipPort);
        CheckPort(errors, "--silo-port", nameof(NodeOptions.SiloPort), options.SiloPort);
        var rtpValid = PortRange.TryParse(options.RtpPorts, out var rtp);
        if (!rtpValid)
        {
            errors.Add($"{Flag("--rtp-ports", nameof(NodeOptions.RtpPorts))}: '{options.RtpPorts}' is not a port range 'first-last' with 1 <= first < last <= 65535");
        }

        // Only the listeners of the roles this node runs can collide. HTTP, silo and SIP all use TCP; SIP and RTP share UDP.
        var tcp = new List<(string Flag, int Port)> { ("--http-port", options.HttpPort) };
        if (roles.HasFlag(NodeRoles.Silo))
        {
            tcp.Add(("--silo-port", options.SiloPort));
        }
        if (roles.HasFlag(NodeRoles.Sip))
        {
            tcp.Add(("--sip-port", options.SipPort));
            if (rtpValid && rtp.Contains(options.SipPort))
            {
                errors.Add($"--sip-port {options.SipPort} lies inside --rtp-ports {rtp}");
            }
        }
        for (var i = 0; i < tcp.Count; i++)
        {
            for (var j = i + 1; j < tcp.Count; j++)
            {
                if (tcp[i].Port == tcp[j].Port)
                {
                    errors.Add($"{tcp[i].Flag} and {tcp[j].Flag} are both {tcp[i].Port}");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckPort(List<string> errors, string flag, string property, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{Flag(flag, property)}: {port} is not a port (1-65535)");
        }
    }

    private static string Flag(string flag, string property) => $"{flag} ({NodeOptions.SectionName}:{property})";
}
