using System.Text.Json.Serialization;

namespace ContactCenter.Actors.Tests.Grains;

[JsonPolymorphic]
[JsonDerivedType(typeof(Deposited), "deposited")]
public abstract record AccountEvent;

/// <summary>A deposit. <paramref name="By"/> has a name shorter than the type discriminator <c>$type</c>: PostgreSQL's
/// jsonb stores keys shortest first, so a stored event reads back with its discriminator after it, as real events do.</summary>
public sealed record Deposited(int Amount, string? By = null) : AccountEvent;

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

    public Task<long> DepositAtGate(int amount, string gate) => TurnGate.PassAsync(gate, () => Deposit(amount));

    public Task<int> Balance() => Task.FromResult(State.Balance);

    public Task<long> JournalVersion() => Task.FromResult(ConfirmedVersion);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
