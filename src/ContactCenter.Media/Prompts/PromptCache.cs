using System.Collections.Concurrent;
using ContactCenter.Media.Recording;

namespace ContactCenter.Media.Prompts;

/// <summary>Prompts held in memory as 8 kHz linear PCM, each file read and decoded once on first use; playout never
/// touches the disk. Numbers and queue positions are composed from per-digit prompts (<c>digit-0</c> … <c>digit-9</c>).
/// Thread-safe.</summary>
public sealed class PromptCache
{
    private readonly string _directory;
    private readonly ConcurrentDictionary<string, Lazy<short[]>> _prompts = new(StringComparer.Ordinal);

    /// <summary>Creates a cache over the WAV files of <paramref name="directory"/> (<c>{name}.wav</c>).</summary>
    public PromptCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
    }

    /// <summary>The samples of prompt <paramref name="name"/>.</summary>
    /// <exception cref="FileNotFoundException">No such prompt file.</exception>
    /// <exception cref="InvalidDataException">The file is not an 8 kHz mono prompt.</exception>
    /// <exception cref="ArgumentException">The name is not a plain file name.</exception>
    public ReadOnlyMemory<short> Get(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a prompt name.", nameof(name));
        }
        var lazy = _prompts.GetOrAdd(name, n => new Lazy<short[]>(() => WavReader.ReadMono8k(Path.Combine(_directory, n + ".wav"))));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Do not cache failures: the file may be fixed or generated later.
            _prompts.TryRemove(new KeyValuePair<string, Lazy<short[]>>(name, lazy));
            throw;
        }
    }

    /// <summary>Concatenates prompts into one playable buffer (e.g. "you-are-number", digits, "in-the-queue").</summary>
    public short[] Compose(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var parts = names.Select(Get).ToList();
        var result = new short[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(result.AsSpan(offset));
            offset += part.Length;
        }
        return result;
    }

    /// <summary>An announcement of <paramref name="number"/> read digit by digit between optional prompts, as used for
    /// queue positions and waiting times.</summary>
    public short[] ComposeNumber(int number, string? before = null, string? after = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        var names = new List<string>();
        if (before is not null)
        {
            names.Add(before);
        }
        names.AddRange(number.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => "digit-" + d));
        if (after is not null)
        {
            names.Add(after);
        }
        return Compose(names);
    }
}
