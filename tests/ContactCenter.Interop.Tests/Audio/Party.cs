namespace ContactCenter.Interop.Tests.Audio;

/// <summary>A party of a test call and the frequency of the tone it plays.</summary>
internal sealed record Party(string Name, double Frequency);
