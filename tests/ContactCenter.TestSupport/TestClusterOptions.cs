using ContactCenter.Actors;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.TestSupport;

/// <summary>How to build an in-process test cluster.</summary>
public sealed class TestClusterOptions
{
    /// <summary>Silos started at once. Default 3.</summary>
    public int Silos { get; set; } = 3;

    /// <summary>Clients started at once. Default 1.</summary>
    public int Clients { get; set; } = 1;

    /// <summary>Sites assigned to silos round-robin. Default one site, dc1.</summary>
    public IReadOnlyList<string> Sites { get; set; } = ["dc1"];

    /// <summary>The clock every process uses; null for the system clock.</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>Registers grains and serializer contexts (applied to silos and clients alike).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Registers the providers; default: the cluster's shared in-memory storage.</summary>
    public Action<IServiceCollection>? ConfigureProviders { get; set; }

    /// <summary>Adjusts one silo's services after everything else (its index in start order); e.g. to put a
    /// <see cref="CuttableMembershipTable"/> between it and the shared table.</summary>
    public Action<int, IServiceCollection>? ConfigureSilo { get; set; }

    /// <summary>Adjusts runtime options after the test defaults (short membership timing, free ports).</summary>
    public Action<ActorRuntimeOptions>? ConfigureRuntime { get; set; }

    /// <summary>Test defaults: failure detection in about a second, so kill tests stay short, with margins that a
    /// loaded two-core CI machine does not trip.</summary>
    public static void ApplyTestDefaults(ActorRuntimeOptions options)
    {
        options.Port = 0;
        options.Membership.HeartbeatPeriod = TimeSpan.FromMilliseconds(200);
        options.Membership.LeaseDuration = TimeSpan.FromMilliseconds(1000);
        options.Membership.SuspectAfter = TimeSpan.FromMilliseconds(1500);
        options.ReminderPollPeriod = TimeSpan.FromMilliseconds(100);
        options.ReminderRefreshPeriod = TimeSpan.FromSeconds(1);
        options.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100);
        options.ResponseTimeout = TimeSpan.FromSeconds(10);
    }
}
