namespace ContactCenter.Contracts.Calls;

/// <summary>The outcome of a call command. A command whose target already holds succeeds without a change.</summary>
/// <param name="Succeeded">True when the command was accepted.</param>
/// <param name="Changed">True when it changed the call.</param>
/// <param name="Error">Why it was refused, when it was.</param>
/// <param name="Message">A sentence for people and logs.</param>
public sealed record CallCommandResult(bool Succeeded, bool Changed, CallCommandError? Error = null, string? Message = null);
