namespace ContactCenter.Drills;

/// <summary>One kill of a drill: which silo, how many activations it held, and how long the cluster took to declare
/// it dead (a graceful stop: to see it leave) and to have every grain answering again.</summary>
public sealed record KillRecord(string Silo, int Activations, double DeclaredDeadInSeconds, double RecoveredInSeconds);
