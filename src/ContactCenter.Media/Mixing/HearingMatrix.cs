using System.Numerics;

namespace ContactCenter.Media.Mixing;

/// <summary>Who hears whom among up to 64 mixer participants: row <c>listener</c> is a bit set of the speakers whose
/// audio goes into the listener's output. Nobody hears themselves (no echo of one's own voice).</summary>
public sealed class HearingMatrix
{
    /// <summary>Most participants a matrix (and a mixer) handles.</summary>
    public const int MaxParticipants = 64;

    /// <summary>Participant index of the caller in <see cref="ForSupervision"/>.</summary>
    public const int Caller = 0;

    /// <summary>Participant index of the agent in <see cref="ForSupervision"/>.</summary>
    public const int Agent = 1;

    /// <summary>Participant index of the supervisor in <see cref="ForSupervision"/>.</summary>
    public const int Supervisor = 2;

    private readonly ulong[] _hears;

    /// <summary>Creates a matrix where nobody hears anybody.</summary>
    public HearingMatrix(int participants)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participants);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(participants, MaxParticipants);
        _hears = new ulong[participants];
    }

    /// <summary>Number of participants.</summary>
    public int Count => _hears.Length;

    /// <summary>Everyone hears everyone else: an N-party conference.</summary>
    public static HearingMatrix Conference(int participants)
    {
        var matrix = new HearingMatrix(participants);
        var all = participants == 64 ? ulong.MaxValue : (1UL << participants) - 1;
        for (var listener = 0; listener < participants; listener++)
        {
            matrix._hears[listener] = all & ~(1UL << listener);
        }
        return matrix;
    }

    /// <summary>The three-party matrix of a supervised call (<see cref="Caller"/>, <see cref="Agent"/>,
    /// <see cref="Supervisor"/>).</summary>
    public static HearingMatrix ForSupervision(SupervisorMode mode)
    {
        var matrix = new HearingMatrix(3);
        matrix.Set(Caller, Agent, true);
        matrix.Set(Agent, Caller, true);
        matrix.Set(Supervisor, Caller, true);
        matrix.Set(Supervisor, Agent, true);
        if (mode is SupervisorMode.Whisper or SupervisorMode.Barge)
        {
            matrix.Set(Agent, Supervisor, true);
        }
        if (mode is SupervisorMode.Barge)
        {
            matrix.Set(Caller, Supervisor, true);
        }
        return matrix;
    }

    /// <summary>Whether <paramref name="listener"/> hears <paramref name="speaker"/>.</summary>
    public bool Hears(int listener, int speaker)
    {
        Check(listener, speaker);
        return (_hears[listener] & (1UL << speaker)) != 0;
    }

    /// <summary>Sets whether <paramref name="listener"/> hears <paramref name="speaker"/>.</summary>
    /// <exception cref="ArgumentException">Listener and speaker are the same participant.</exception>
    public void Set(int listener, int speaker, bool hears)
    {
        Check(listener, speaker);
        if (listener == speaker)
        {
            throw new ArgumentException("A participant never hears their own audio.", nameof(speaker));
        }
        if (hears)
        {
            _hears[listener] |= 1UL << speaker;
        }
        else
        {
            _hears[listener] &= ~(1UL << speaker);
        }
    }

    /// <summary>The speakers <paramref name="listener"/> hears, as a bit set.</summary>
    internal ulong SpeakersOf(int listener) => _hears[listener];

    /// <summary>Number of speakers <paramref name="listener"/> hears.</summary>
    public int SpeakerCount(int listener) => BitOperations.PopCount(_hears[listener]);

    private void Check(int listener, int speaker)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(listener);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(listener, Count);
        ArgumentOutOfRangeException.ThrowIfNegative(speaker);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(speaker, Count);
    }
}
