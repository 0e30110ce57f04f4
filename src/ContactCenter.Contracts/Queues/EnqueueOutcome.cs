namespace ContactCenter.Contracts.Queues;

/// <summary>What became of work handed to a queue.</summary>
public enum EnqueueOutcome
{
    /// <summary>The request was refused (see the error); nothing changed.</summary>
    Refused,

    /// <summary>The work waits for an agent.</summary>
    Waiting,

    /// <summary>The work was offered to an agent at once (it still holds its place until answered).</summary>
    Offered,

    /// <summary>An overflow rule fired on arrival; the work goes to the rule's target.</summary>
    Overflowed,

    /// <summary>The queue is closed; its closed action applies.</summary>
    Closed,
}
