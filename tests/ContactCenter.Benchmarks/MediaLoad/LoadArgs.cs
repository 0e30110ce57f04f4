using System.Globalization;

namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>The <c>--name value</c> and <c>--flag</c> arguments of a media-load command.</summary>
public sealed class LoadArgs(string[] args)
{
    public bool Flag(string name) => args.Contains(name, StringComparer.Ordinal);

    public string? String(string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public string Required(string name) =>
        String(name) ?? throw new ArgumentException($"media-load: {name} is required.");

    public int Int(string name, int fallback) =>
        String(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        String(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
