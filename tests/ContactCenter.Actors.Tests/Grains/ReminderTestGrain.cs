using System.Collections.Concurrent;

namespace ContactCenter.Actors.Tests.Grains;

public sealed class ReminderTestGrain(SiloIdentity silo) : Grain, IReminderTestGrain
{
    /// <summary>Every tick received, process-wide: (grain key, reminder, silo name).</summary>
    public static readonly ConcurrentQueue<(string Grain, string Reminder, string Silo)> Fired = new();

    public async Task Register(string name, TimeSpan period) =>
        await RegisterOrUpdateReminder(name, period, period);

    public async Task Unregister(string name)
    {
        if (await GetReminder(name) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Fired.Enqueue((GetPrimaryKeyString(), reminderName, silo.Name));
        return Task.CompletedTask;
    }
}
