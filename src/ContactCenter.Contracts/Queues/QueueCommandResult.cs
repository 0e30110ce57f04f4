namespace ContactCenter.Contracts.Queues;

/// <summary>The outcome of a queue command. A command whose target already holds succeeds without a change.</summary>
/// <param name="Succeeded">True when the command was accepted.</param>
/// <param name="Changed">True when it changed the queue (false for an accepted repeat).</param>
/// <param name="Error">Why it was refused, when it was.</param>
/// <param name="Message">A sentence for people and logs.</param>
public sealed record QueueCommandResult(bool Succeeded, bool Changed, QueueCommandError? Error = null, string? Message = null);
