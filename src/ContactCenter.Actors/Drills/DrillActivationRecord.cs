using System.Globalization;

namespace ContactCenter.Actors.Drills;

/// <summary>One line of a silo's drill activation log: <c>start|stop grain silo unix-microseconds</c>.</summary>
public sealed record DrillActivationRecord(bool IsStart, string Grain, string Silo, DateTimeOffset Time)
{
    /// <summary>The line's text (without the line break).</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{(IsStart ? "start" : "stop")} {Grain} {Silo} {(Time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10}");

    /// <summary>Reads a line <see cref="Format"/> wrote; null for anything else (a line cut short by a kill -9).</summary>
    public static DrillActivationRecord? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ');
        if (parts.Length != 4 || parts[0] is not ("start" or "stop") ||
            !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var micros))
        {
            return null;
        }
        return new DrillActivationRecord(parts[0] == "start", parts[1], parts[2], DateTimeOffset.UnixEpoch.AddTicks(micros * 10));
    }
}
