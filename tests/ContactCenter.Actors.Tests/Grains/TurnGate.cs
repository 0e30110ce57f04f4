using System.Collections.Concurrent;

namespace ContactCenter.Actors.Tests.Grains;

/// <summary>Holds a grain's turn at a named point until the test opens it, and reports how the rest of the turn went:
/// for turns that must still be running when the test does something to their silo. Grains and test share the process.</summary>
public sealed class TurnGate
{
    private static readonly ConcurrentDictionary<string, TurnGate> Gates = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Exception?> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TurnGate(string name) => Name = name;

    public string Name { get; }

    /// <summary>Completes when a turn waits at the gate.</summary>
    public Task Entered => _entered.Task;

    /// <summary>The failure of the part of the turn after the gate, or null when it succeeded.</summary>
    public Task<Exception?> Finished => _finished.Task;

    public static TurnGate Create()
    {
        var gate = new TurnGate($"gate-{Guid.NewGuid():N}");
        Gates[gate.Name] = gate;
        return gate;
    }

    public void Open() => _open.TrySetResult();

    /// <summary>Called by the grain: waits until the test opens the gate, then runs the rest of the turn and reports it.</summary>
    public static async Task<T> PassAsync<T>(string name, Func<Task<T>> rest)
    {
        var gate = Gates[name];
        gate._entered.TrySetResult();
        await gate._open.Task;
        try
        {
            var result = await rest();
            gate._finished.TrySetResult(null);
            return result;
        }
        catch (Exception exception)
        {
            gate._finished.TrySetResult(exception);
            throw;
        }
    }
}
