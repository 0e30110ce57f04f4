using System.Collections.Immutable;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;

namespace ContactCenter.Grains.Calls;

/// <summary>What <see cref="CallRules"/> decided: the events to raise (none for an accepted repeat or a report that no
/// longer fits), or why a command was refused (then no events).</summary>
/// <param name="Events">Events to append, in order.</param>
/// <param name="Error">The command error when refused.</param>
/// <param name="Message">A sentence for people and logs.</param>
public sealed record CallDecision(ImmutableArray<CallEvent> Events, CallCommandError? Error = null, string? Message = null)
{
    /// <summary>True when accepted (with or without events).</summary>
    public bool Accepted => Error is null;

    /// <summary>Accepted with events.</summary>
    public static CallDecision Emit(params CallEvent[] events) => new([.. events]);

    /// <summary>Accepted; nothing to change (a repeat, or a late report the call ignores).</summary>
    public static CallDecision NoChange(string message) => new([], Message: message);

    /// <summary>Refused.</summary>
    public static CallDecision Fail(CallCommandError error, string message) => new([], error, message);

    /// <summary>The answer of a command.</summary>
    public CallCommandResult ToResult() => new(Accepted, !Events.IsDefaultOrEmpty, Error, Message);

    /// <summary>The first event of type <typeparamref name="T"/>, or null.</summary>
    public T? Find<T>() where T : CallEvent => Events.IsDefaultOrEmpty ? null : Events.OfType<T>().FirstOrDefault();
}
