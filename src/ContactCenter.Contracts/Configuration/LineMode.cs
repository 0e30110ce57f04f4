namespace ContactCenter.Contracts.Configuration;

/// <summary>How an agent's phone is reached.</summary>
public enum LineMode
{
    /// <summary>The phone rings for each offer.</summary>
    RingPerCall,

    /// <summary>The front end calls the phone once at log-in and bridges offers into that leg (CALL-4).</summary>
    PersistentLine,
}
