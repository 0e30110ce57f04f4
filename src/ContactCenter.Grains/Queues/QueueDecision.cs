using System.Collections.Immutable;
using ContactCenter.Contracts.Queues;
using ContactCenter.Contracts.Queues.Events;

namespace ContactCenter.Grains.Queues;

/// <summary>What <see cref="QueueRules"/> decided for one command: the events to raise (none for an accepted repeat),
/// or why it was refused (then no events).</summary>
/// <param name="Events">Events to append, in order.</param>
/// <param name="Error">The command error when refused.</param>
/// <param name="Message">A sentence for people and logs.</param>
public sealed record QueueDecision(ImmutableArray<QueueEvent> Events, QueueCommandError? Error = null, string? Message = null)
{
    /// <summary>True when the command was accepted (with or without events).</summary>
    public bool Accepted => Error is null;

    /// <summary>Accepted with events.</summary>
    public static QueueDecision Emit(params QueueEvent[] events) => new([.. events]);

    /// <summary>Accepted; the target already holds.</summary>
    public static QueueDecision NoChange(string message) => new([], Message: message);

    /// <summary>Refused.</summary>
    public static QueueDecision Fail(QueueCommandError error, string message) => new([], error, message);

    /// <summary>The answer of an ordinary command.</summary>
    public QueueCommandResult ToResult() => new(Accepted, !Events.IsDefaultOrEmpty, Error, Message);

    /// <summary>The first event of type <typeparamref name="T"/>, or null.</summary>
    public T? Find<T>() where T : QueueEvent => Events.IsDefaultOrEmpty ? null : Events.OfType<T>().FirstOrDefault();
}
