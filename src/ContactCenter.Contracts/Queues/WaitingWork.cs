using ContactCenter.Contracts.Routing;

namespace ContactCenter.Contracts.Queues;

/// <summary>One waiting item as a supervisor sees it.</summary>
/// <param name="Work">The work as routing sees it (priority, arrival, sequence, sticky hold, missed-by).</param>
/// <param name="Position">0-based place in the waiting order.</param>
/// <param name="Waited">Time since arrival, at the snapshot's time.</param>
/// <param name="OfferedTo">The agent holding an offer of the work, if any.</param>
public sealed record WaitingWork(WorkItem Work, int Position, TimeSpan Waited, string? OfferedTo);
