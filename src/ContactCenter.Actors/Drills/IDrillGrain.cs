namespace ContactCenter.Actors.Drills;

/// <summary>The failover drill's workload grain (ops/drill/kill-silo.sh): a journal of numbered appends that a client
/// drives while silos are killed, then checks for lost writes. Every silo registers it (<see
/// cref="DrillServiceCollectionExtensions.AddFailoverDrill"/>); it holds nothing of the product's.</summary>
public interface IDrillGrain : IGrainWithStringKey
{
    /// <summary>The stream namespace <see cref="PublishAsync"/> publishes on.</summary>
    const string StreamNamespace = "drill";

    /// <summary>Appends <paramref name="sequence"/> to the journal. Idempotent: a sequence already appended (a retry
    /// after a lost answer) returns at once; a gap (the previous sequence is missing) throws
    /// <see cref="DrillGapException"/>, because the client only sends <c>n + 1</c> after <c>n</c> was acknowledged.</summary>
    Task<DrillStatus> AppendAsync(long sequence);

    /// <summary>The journal's state and where the grain is active; activates it if need be.</summary>
    [ReadOnly]
    Task<DrillStatus> GetStatusAsync();

    /// <summary>Publishes <paramref name="value"/> on stream (<see cref="StreamNamespace"/>, this grain's key).</summary>
    Task PublishAsync(long value);

    /// <summary>Keeps <paramref name="observer"/> for <see cref="NotifyAsync"/>.</summary>
    Task AttachAsync(IDrillObserver observer);

    /// <summary>Calls the attached observer; returns null when it answered, else the exception's type name.</summary>
    Task<string?> NotifyAsync(string message);
}
