using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Contracts.Calls.Events;

/// <summary>The call passed or reached a node of its IVR tree (IVR-1).</summary>
/// <param name="At">When.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Description">What happened there, for people (the key pressed, the branch taken).</param>
/// <param name="Position">Where the call stands now; null on a node it passed by, or when it left the IVR.</param>
public sealed record CallIvrStepped(DateTimeOffset At, string NodeId, string Description, IvrPosition? Position = null) : CallEvent(At);
