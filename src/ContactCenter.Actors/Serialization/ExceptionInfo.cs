namespace ContactCenter.Actors.Serialization;

/// <summary>An exception as it crosses processes: its type's full name, message and the remote stack trace.</summary>
internal sealed record ExceptionInfo(string Type, string Message, string? StackTrace)
{
    public static ExceptionInfo From(Exception exception) =>
        new(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace);

    /// <summary>Rebuilds the exception with its original type when that type is loaded here and can be created from a
    /// message; otherwise a <see cref="RemoteGrainException"/> naming the original type.</summary>
    public Exception ToException()
    {
        var type = FindType(Type);
        if (type is not null && typeof(Exception).IsAssignableFrom(type) &&
            type.GetConstructor([typeof(string)]) is { } constructor)
        {
            try
            {
                return (Exception)constructor.Invoke([Message]);
            }
            catch (System.Reflection.TargetInvocationException)
            {
                // Fall through: the type's constructor rejected the message; report it as a remote exception.
            }
        }
        return new RemoteGrainException(Type, Message, StackTrace);
    }

    private static Type? FindType(string fullName)
    {
        var type = System.Type.GetType(fullName, throwOnError: false);
        if (type is not null)
        {
            return type;
        }
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            type = assembly.GetType(fullName, throwOnError: false);
            if (type is not null)
            {
                return type;
            }
        }
        return null;
    }
}
