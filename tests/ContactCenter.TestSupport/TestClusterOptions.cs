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

    /// <summary>Where every process's runtime log lines go (information and up), e.g. the test's output; null for none.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>Adjusts runtime options after the test defaults (short membership timing, free ports).</summary>
    public Action<ActorRuntimeOptions>? ConfigureRuntime { get; set; }

    /// <summary>Test defaults. On fake time: failure detection in about a second and calls timing out after 10 s —
    /// nothing but the test moves that clock, so the fencing and timeout tests step it across exact edges. On real time
    /// the same margins were tripped on a loaded two-core CI machine: a process whose heartbeat waited 1.5 s behind
    /// a thousand concurrent calls in the same test process was voted dead, and a thousand calls queued on one
    /// PostgreSQL-backed grain took longer than 10 s. Real time therefore gets detection in about three seconds and
    /// 30 s call timeouts.</summary>
    public static void ApplyTestDefaults(ActorRuntimeOptions options, bool fakeTime)
    {
        options.Port = 0;
        options.Membership.HeartbeatPeriod = TimeSpan.FromMilliseconds(fakeTime ? 200 : 250);
        options.Membership.LeaseDuration = TimeSpan.FromMilliseconds(fakeTime ? 1000 : 2000);
        options.Membership.SuspectAfter = TimeSpan.FromMilliseconds(fakeTime ? 1500 : 3000);
        options.ReminderPollPeriod = TimeSpan.FromMilliseconds(100);
        options.ReminderRefreshPeriod = TimeSpan.FromSeconds(1);
        options.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100);
        options.ResponseTimeout = TimeSpan.FromSeconds(fakeTime ? 10 : 30);
    }
}
