namespace ContactCenter.Grains.Tests.Scenarios;

/// <summary>The size of a simulated day.</summary>
/// <param name="Prefix">Prefix of every id, unique per run.</param>
/// <param name="Queues">Queues.</param>
/// <param name="Agents">Agents.</param>
/// <param name="Calls">Calls.</param>
/// <param name="ArrivalWindow">Calls arrive uniformly within it.</param>
/// <param name="DrainTime">Simulated time allowed after the window for every call to end.</param>
/// <param name="Seed">The random seed.</param>
internal sealed record SimulationPlan(string Prefix, int Queues, int Agents, int Calls, TimeSpan ArrivalWindow,
    TimeSpan DrainTime, int Seed);
