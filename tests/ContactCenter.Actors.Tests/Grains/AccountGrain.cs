using System.Text.Json.Serialization;

namespace ContactCenter.Actors.Tests.Grains;

[JsonPolymorphic]
[JsonDerivedType(typeof(Deposited), "deposited")]
public abstract record AccountEvent;

public sealed record Deposited(int Amount) : AccountEvent;

public sealed class AccountState : IJournaledState<AccountEvent>
{
    public int Balance { get; set; }

    public int Deposits { get; set; }

    public void Apply(AccountEvent @event)
    {
        if (@event is Deposited deposited)
        {
            Balance += deposited.Amount;
            Deposits++;
        }
    }
}

public sealed class AccountGrain : JournaledGrain<AccountState, AccountEvent>, IAccountGrain
{
    protected override int SnapshotInterval => 10;

    public async Task<long> Deposit(int amount)
    {
        RaiseEvent(new Deposited(amount));
        await ConfirmEvents();
        return ConfirmedVersion;
    }

    public Task<int> Balance() => Task.FromResult(State.Balance);

    public Task<long> JournalVersion() => Task.FromResult(ConfirmedVersion);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
