namespace ContactCenter.Actors.Activation;

internal enum ActivationState
{
    /// <summary>Claiming the directory row; messages queue up.</summary>
    Registering,

    /// <summary>The row is ours; the first turn creates the grain, loads its state and runs OnActivateAsync.</summary>
    Activating,

    Valid,

    /// <summary>The last turn is running; messages still queue and are re-routed to the next activation afterwards.</summary>
    Deactivating,

    /// <summary>Gone: callers that still hold it re-resolve.</summary>
    Invalid,
}
