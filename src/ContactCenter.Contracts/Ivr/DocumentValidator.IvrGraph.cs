using System.Collections.Immutable;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Validation;

namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    /// <summary>True for the node kinds that wait for the caller (a key, a number, a message), the only ones a loop
    /// may pass through: a caller who goes back to the main menu is fine, a play → announcement → play loop is
    /// not.</summary>
    private static bool WaitsForCaller(IvrNode? node) =>
        node is IvrMenuNode or IvrInputNode or IvrCallbackNode or IvrVoicemailNode;

    private static void IvrGraph(FieldErrorsBuilder errors, ImmutableArray<IvrNode> nodes, List<int>[] successors,
        int? start)
    {
        if (start is { } first)
        {
            var reached = new bool[nodes.Length];
            var pending = new Stack<int>();
            reached[first] = true;
            pending.Push(first);
            while (pending.TryPop(out var i))
            {
                foreach (var j in successors[i])
                {
                    if (!reached[j])
                    {
                        reached[j] = true;
                        pending.Push(j);
                    }
                }
            }
            for (var i = 0; i < nodes.Length; i++)
            {
                errors.Require(reached[i] || nodes[i] is null, $"nodes[{i}]", "is not reachable from startNodeId");
            }
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] is null || WaitsForCaller(nodes[i]))
            {
                continue;
            }
            if (LoopWithoutInput(nodes, successors, i) is { } loop)
            {
                errors.Add($"nodes[{i}]", $"is on a loop that never waits for the caller: {loop}");
            }
        }
    }

    /// <summary>A breadth-first search from <paramref name="origin"/> over nodes that do not wait for the caller; returns
    /// the shortest loop back to it as "a → b → a", or null. At most 500 nodes keep the search per node cheap.</summary>
    private static string? LoopWithoutInput(ImmutableArray<IvrNode> nodes, List<int>[] successors, int origin)
    {
        var parent = new int[nodes.Length];
        Array.Fill(parent, -1);
        var pending = new Queue<int>();
        pending.Enqueue(origin);
        while (pending.TryDequeue(out var i))
        {
            foreach (var j in successors[i])
            {
                if (j == origin)
                {
                    var path = new List<string> { nodes[origin].Id };
                    for (var k = i; k != origin; k = parent[k])
                    {
                        path.Add(nodes[k].Id);
                    }
                    path.Add(nodes[origin].Id);
                    path.Reverse();
                    return string.Join(" → ", path);
                }
                if (parent[j] < 0 && j != origin && !WaitsForCaller(nodes[j]))
                {
                    parent[j] = i;
                    pending.Enqueue(j);
                }
            }
        }
        return null;
    }
}
