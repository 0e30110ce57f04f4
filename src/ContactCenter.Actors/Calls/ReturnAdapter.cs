namespace ContactCenter.Actors.Calls;

/// <summary>Bridges the return shape of a grain method (Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;, void) and the
/// runtime, which moves every invocation as a <see cref="Task"/>.</summary>
internal abstract class ReturnAdapter
{
    /// <summary>The type of the value a caller awaits, or null when there is none.</summary>
    public abstract Type? ResultType { get; }

    public abstract PendingCall CreatePending();

    /// <summary>A faulted task of the method's own task type.</summary>
    public abstract Task FromException(Exception exception);

    /// <summary>The value of a task that completed successfully.</summary>
    public abstract object? GetResult(Task completed);

    /// <summary>Turns the runtime's task into what the interface method returns.</summary>
    public abstract object? ToProxyResult(Task task);

    public static ReturnAdapter For(Type returnType)
    {
        if (returnType == typeof(void))
        {
            return new VoidReturnAdapter(ReturnShape.Void);
        }
        if (returnType == typeof(Task))
        {
            return new VoidReturnAdapter(ReturnShape.Task);
        }
        if (returnType == typeof(ValueTask))
        {
            return new VoidReturnAdapter(ReturnShape.ValueTask);
        }
        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            var argument = returnType.GetGenericArguments()[0];
            if (definition == typeof(Task<>) || definition == typeof(ValueTask<>))
            {
                var adapterType = typeof(ValueReturnAdapter<>).MakeGenericType(argument);
                return (ReturnAdapter)Activator.CreateInstance(adapterType, [definition == typeof(ValueTask<>)])!;
            }
        }
        throw new NotSupportedException(
            $"return type {returnType.Name} is not supported; grain methods return Task, Task<T>, ValueTask or ValueTask<T>");
    }

    internal enum ReturnShape
    {
        Void,
        Task,
        ValueTask,
    }

    private sealed class VoidReturnAdapter(ReturnShape shape) : ReturnAdapter
    {
        public override Type? ResultType => null;

        public override PendingCall CreatePending() => new PendingCall<object?>();

        public override Task FromException(Exception exception) => Task.FromException(exception);

        public override object? GetResult(Task completed) => null;

        public override object? ToProxyResult(Task task) => shape switch
        {
            ReturnShape.Task => task,
            ReturnShape.ValueTask => new ValueTask(task),
            _ => null,
        };
    }

    private sealed class ValueReturnAdapter<T>(bool isValueTask) : ReturnAdapter
    {
        public override Type ResultType => typeof(T);

        public override PendingCall CreatePending() => new PendingCall<T>();

        public override Task FromException(Exception exception) => Task.FromException<T>(exception);

        public override object? GetResult(Task completed) => CompletedTasks.ValueOf<T>(completed);

        public override object? ToProxyResult(Task task) =>
            isValueTask ? new ValueTask<T>((Task<T>)task) : task;
    }
}
