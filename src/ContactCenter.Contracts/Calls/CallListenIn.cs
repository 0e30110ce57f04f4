using ContactCenter.Contracts.Calls.Media;

namespace ContactCenter.Contracts.Calls;

/// <summary>A supervisor listening in on a call (SUP-2).</summary>
/// <param name="SupervisorId">The supervisor (user id).</param>
/// <param name="Mode">Monitor, whisper or barge.</param>
/// <param name="Since">When the supervisor joined in this mode.</param>
public sealed record CallListenIn(string SupervisorId, ListenInMode Mode, DateTimeOffset Since);
