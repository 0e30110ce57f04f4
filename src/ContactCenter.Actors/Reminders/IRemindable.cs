namespace ContactCenter.Actors;

/// <summary>Implemented by grains that register reminders. Ticks may repeat (after a failover the new owner may fire a
/// tick the dead one already fired), so handlers must be idempotent.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
