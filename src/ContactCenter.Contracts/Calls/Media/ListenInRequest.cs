namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Join a supervisor to a call.</summary>
/// <param name="SupervisorId">The supervisor (user id); the front end finds their line.</param>
/// <param name="Mode">Monitor, whisper or barge.</param>
public sealed record ListenInRequest(string SupervisorId, ListenInMode Mode);
