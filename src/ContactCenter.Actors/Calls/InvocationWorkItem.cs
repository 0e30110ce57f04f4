using ContactCenter.Actors.Activation;
using ContactCenter.Actors.Messaging;

namespace ContactCenter.Actors.Calls;

/// <summary>A grain call waiting for (or running as) a turn. Either a local caller waits on <see cref="Pending"/>, or a
/// remote caller waits for a response on <see cref="Connection"/>.</summary>
internal sealed class InvocationWorkItem : WorkItem
{
    public InvocationWorkItem(GrainId target, GrainMethod method, object?[] arguments, PendingCall pending, int hops)
    {
        Target = target;
        Method = method;
        Arguments = arguments;
        Pending = pending;
        Hops = hops;
    }

    public InvocationWorkItem(GrainId target, Message request, Connection connection, CancellationTokenSource? cancellation)
    {
        Target = target;
        Method = request.Method!;
        Arguments = request.Arguments!;
        Request = request;
        Connection = connection;
        Cancellation = cancellation;
        Hops = request.Hops;
    }

    public GrainId Target { get; }

    public GrainMethod Method { get; }

    public object?[] Arguments { get; }

    public int Hops { get; }

    public PendingCall? Pending { get; }

    public Message? Request { get; }

    public Connection? Connection { get; }

    public CancellationTokenSource? Cancellation { get; }

    public override bool IsReadOnly => Method.IsReadOnly;

    public override Task ExecuteAsync(ActivationData activation)
    {
        if (Pending is { Task.IsCompleted: true })
        {
            return Task.CompletedTask; // the caller stopped waiting (timeout) while the call was queued
        }
        var token = Method.CancellationTokenIndex >= 0
            ? (CancellationToken)Arguments[Method.CancellationTokenIndex]!
            : CancellationToken.None;
        var turn = token.IsCancellationRequested
            ? Method.Return.FromException(new OperationCanceledException(token))
            : Method.Invoke(activation.TargetFor(Method.Interface), Arguments);
        activation.Runtime.Dispatcher.CompleteWhenDone(this, turn);
        return turn;
    }

    public override void Reject(SiloAddress? movedTo, Exception? failure) =>
        Runtime.Dispatcher.Rejected(this, movedTo, failure);

    /// <summary>Set by the dispatcher when it creates the item.</summary>
    public required Hosting.ActorRuntime Runtime { get; init; }
}
