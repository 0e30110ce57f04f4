using System.Collections.Immutable;
using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Grains.Ivr;

/// <summary>What one input did to the walk (<see cref="IvrMachine.Next"/>).</summary>
/// <param name="Position">Where the call stands now; null when it left the IVR (queue, transfer, hang-up).</param>
/// <param name="Actions">What the call grain carries out, in order.</param>
/// <param name="Trace">The nodes passed or reached, in order, for the journal; empty when the input was ignored.</param>
public sealed record IvrStep(IvrPosition? Position, ImmutableArray<IvrAction> Actions, ImmutableArray<IvrTrace> Trace)
{
    /// <summary>True when the input changed nothing (a late or repeated media event, or one the node does not wait
    /// for).</summary>
    public bool Ignored => Trace.IsDefaultOrEmpty;

    /// <summary>An input that changes nothing.</summary>
    public static IvrStep Ignore(IvrPosition? position) => new(position, [], []);
}
