namespace ContactCenter.Contracts.Queues;

/// <summary>Why a queue command was refused; a refused command changes nothing.</summary>
public enum QueueCommandError
{
    /// <summary>The queue has no configuration document.</summary>
    QueueNotFound,

    /// <summary>The request itself is malformed (empty id).</summary>
    InvalidRequest,

    /// <summary>Work with this id already waits in the queue.</summary>
    AlreadyQueued,

    /// <summary>No work with this id waits in the queue.</summary>
    UnknownWork,

    /// <summary>The work is offered to another agent than the one named.</summary>
    OfferedToAnotherAgent,

    /// <summary>The work is held for its sticky agent, and another agent asked for it.</summary>
    HeldForAnotherAgent,

    /// <summary>The agent's arbiter refused the reservation.</summary>
    ReservationRefused,
}
