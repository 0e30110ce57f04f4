namespace ContactCenter.Contracts.Calls.Media;

/// <summary>Ring an agent for a call.</summary>
/// <param name="AgentId">The agent; the front end finds its line (registered phone, persistent line).</param>
/// <param name="CallerNumber">The number shown to the agent.</param>
/// <param name="RingTimeout">How long the front end lets it ring before reporting no answer.</param>
/// <param name="AutoAnswer">Ask a phone that supports it to answer by itself (<c>Call-Info: …;answer-after=0</c>,
/// <c>Alert-Info: …;info=alert-autoanswer</c>) because the agent answers in the browser: the phone's own answer only
/// opens the audio (the agent hears the offer tone), and the leg is reported answered when the workspace answers
/// (<see cref="ICallMedia.AnswerAgentAsync"/>); the call grain's ring deadline covers an agent who does not. Ignored for
/// a persistent line, which never rings.</param>
public sealed record AgentLegRequest(string AgentId, string CallerNumber, TimeSpan RingTimeout, bool AutoAnswer = false);
