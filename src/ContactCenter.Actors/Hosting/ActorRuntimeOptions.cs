namespace ContactCenter.Actors;

/// <summary>Settings of one runtime process (silo or client).</summary>
public sealed class ActorRuntimeOptions
{
    /// <summary>The data centre this process runs in. Default <c>dc1</c>.</summary>
    public string Site { get; set; } = "dc1";

    /// <summary>Address silos listen on and advertise. Default 127.0.0.1 (production binds are configuration).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Silo-to-silo port; 0 picks a free one. Default 11111.</summary>
    public int Port { get; set; } = 11111;

    /// <summary>How long a caller waits for a grain or observer call. Default 30 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on loading state plus OnActivateAsync. Default 30 s.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on OnDeactivateAsync. Default 10 s.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on opening a connection to a peer. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Activations unused for this long are deactivated. Default 15 min.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default 1 min.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often due reminders are fired (their resolution). Default 1 s.</summary>
    public TimeSpan ReminderPollPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the reminder table is re-read even when the ring did not change. Default 30 s.</summary>
    public TimeSpan ReminderRefreshPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shortest reminder period accepted. Default 1 min (reminders are for durable, coarse schedules; use
    /// grain timers for fine ones).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a graceful stop waits for activations to finish their last turn. Default 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public MembershipOptions Membership { get; set; } = new();

    public void Validate()
    {
        Membership.Validate();
        if (ResponseTimeout <= TimeSpan.Zero || CollectionQuantum <= TimeSpan.Zero || ReminderPollPeriod <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("ActorRuntimeOptions: timeouts and periods must be positive");
        }
        if (Port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"ActorRuntimeOptions: port {Port} is out of range");
        }
    }
}
