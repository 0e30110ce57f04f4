namespace ContactCenter.Actors.Tests.Grains;

public sealed class ErrorGrain : Grain, IErrorGrain
{
    public Task Throw(string message) => throw new InvalidOperationException(message);

    public async Task<int> Hang(int milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(milliseconds, cancellationToken);
        return milliseconds;
    }

    /// <summary>Calls itself from within a turn: not reentrant, so it can only time out.</summary>
    public Task<int> CallSelf() => GrainFactory.GetGrain<IErrorGrain>(GetPrimaryKeyString()).Hang(0, CancellationToken.None);
}
