namespace ContactCenter.Actors;

public enum MemberKind
{
    /// <summary>Hosts activations.</summary>
    Silo = 1,

    /// <summary>Calls grains and hosts observers, no activations (web-only or sip-only processes).</summary>
    Client = 2,
}
