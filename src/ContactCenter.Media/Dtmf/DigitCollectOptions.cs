namespace ContactCenter.Media.Dtmf;

/// <summary>When a digit collection ends (IVR menus and number entry).</summary>
public sealed record DigitCollectOptions
{
    /// <summary>Digits after which collection ends. Default 1 (a menu choice).</summary>
    public int MaxDigits { get; init; } = 1;

    /// <summary>Digits that end collection without being part of the result; empty for none. Default "#".</summary>
    public string Terminators { get; init; } = "#";

    /// <summary>Time allowed for the first digit. Default 5 s.</summary>
    public TimeSpan FirstDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed between digits. Default 3 s.</summary>
    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
