using System.Globalization;

namespace ContactCenter.Actors;

/// <summary>The address of a runtime process: endpoint plus generation. A restarted process is a new generation and so
/// a new member. Client processes (no silo role) listen on no port and have <see cref="Port"/> 0: they are reached
/// only over the connections they open.</summary>
public sealed record SiloAddress(string Host, int Port, long Generation)
{
    /// <summary>Whether other processes can dial this address.</summary>
    public bool IsDialable => Port > 0;

    public static SiloAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = value.LastIndexOf('@');
        var colon = at > 0 ? value.LastIndexOf(':', at) : -1;
        if (at <= 0 || colon <= 0)
        {
            throw new FormatException($"'{value}' is not a silo address of the form host:port@generation.");
        }
        return new SiloAddress(
            value[..colon],
            int.Parse(value.AsSpan(colon + 1, at - colon - 1), CultureInfo.InvariantCulture),
            long.Parse(value.AsSpan(at + 1), CultureInfo.InvariantCulture));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}@{Generation}");
}
