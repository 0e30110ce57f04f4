using System.Globalization;

namespace ContactCenter.Interop.Tests.Audio;

/// <summary>Assertions on what a party hears, by the tone each party plays: heard means the tone's typical level
/// (<see cref="ToneAnalysis.Level"/>) is at least <see cref="PresentShare"/> of the amplitude it was played at, not heard
/// means below <see cref="AbsentShare"/> of it. The failure message lists the level of every tone given.</summary>
internal static class ToneAssert
{
    /// <summary>Share of the played amplitude a heard tone reaches at least (G.711 and a mix keep it whole).</summary>
    public const double PresentShare = 0.3;

    /// <summary>Share of the played amplitude a tone that is not heard stays below (G.711 noise is far under it).</summary>
    public const double AbsentShare = 0.03;

    /// <summary>Asserts that <paramref name="listener"/> hears every tone of <paramref name="heard"/> and none of
    /// <paramref name="notHeard"/> in <paramref name="samples"/>.</summary>
    public static void Hears(string listener, ReadOnlySpan<short> samples, double amplitude, IReadOnlyList<Party> heard, IReadOnlyList<Party> notHeard)
    {
        var levels = new Dictionary<Party, double>();
        foreach (var party in heard.Concat(notHeard))
        {
            levels[party] = ToneAnalysis.Level(samples, party.Frequency);
        }
        var summary = string.Join(", ", levels.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key.Name} ({pair.Key.Frequency} Hz) at {pair.Value:F0}")));
        var seconds = (double)samples.Length / ToneAnalysis.SampleRate;
        var context = string.Create(CultureInfo.InvariantCulture, $"{listener} heard {seconds:F2} s with {summary}; played at {amplitude:F0}");
        foreach (var party in heard)
        {
            Assert.True(levels[party] >= amplitude * PresentShare, $"{listener} should hear {party.Name}: {context}");
        }
        foreach (var party in notHeard)
        {
            Assert.True(levels[party] < amplitude * AbsentShare, $"{listener} should not hear {party.Name}: {context}");
        }
    }
}
