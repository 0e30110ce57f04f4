using System.Linq.Expressions;
using System.Reflection;

namespace ContactCenter.Actors.Calls;

/// <summary>One method of a grain or observer interface: how to invoke it on a target object without reflection
/// per call, its wire index, and its flags.</summary>
internal sealed class GrainMethod
{
    private GrainMethod(InterfaceMetadata owner, MethodInfo method, int index)
    {
        Interface = owner;
        Method = method;
        Index = index;
        Parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
        CancellationTokenIndex = Array.IndexOf(Parameters, typeof(CancellationToken));
        IsReadOnly = method.IsDefined(typeof(ReadOnlyAttribute), inherit: true);
        IsOneWay = method.ReturnType == typeof(void) || method.IsDefined(typeof(OneWayAttribute), inherit: true);
        Return = ReturnAdapter.For(method.ReturnType);
        Invoker = CompileInvoker(method);
        DisplayName = $"{method.DeclaringType!.Name}.{method.Name}";
    }

    public InterfaceMetadata Interface { get; }

    public MethodInfo Method { get; }

    /// <summary>Position in the interface's ordered method list; what the wire carries.</summary>
    public int Index { get; }

    public Type[] Parameters { get; }

    /// <summary>The index of a <see cref="CancellationToken"/> parameter, or -1.</summary>
    public int CancellationTokenIndex { get; }

    public bool IsReadOnly { get; }

    public bool IsOneWay { get; }

    public ReturnAdapter Return { get; }

    /// <summary>Invokes the method on a target, always producing a task (void and ValueTask are normalised).</summary>
    public Func<object, object?[], Task> Invoker { get; }

    public string DisplayName { get; }

    /// <summary>Invokes the method on <paramref name="target"/>, turning a synchronous throw into a faulted task.</summary>
    public Task Invoke(object target, object?[] arguments)
    {
        try
        {
            return Invoker(target, arguments);
        }
        catch (Exception exception)
        {
            return Return.FromException(exception);
        }
    }

    public static GrainMethod Create(InterfaceMetadata owner, MethodInfo method, int index) => new(owner, method, index);

    /// <summary>A stable name of the method's signature, used to order methods identically in every process.</summary>
    public static string Signature(MethodInfo method) =>
        $"{method.DeclaringType!.FullName}.{method.Name}({string.Join(",", method.GetParameters().Select(p => p.ParameterType.FullName))})";

    private static Func<object, object?[], Task> CompileInvoker(MethodInfo method)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var call = Expression.Call(
            Expression.Convert(target, method.DeclaringType!),
            method,
            method.GetParameters().Select((p, i) =>
                Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));

        Expression body;
        var returnType = method.ReturnType;
        if (returnType == typeof(void))
        {
            body = Expression.Block(call, Expression.Constant(Task.CompletedTask, typeof(Task)));
        }
        else if (returnType == typeof(ValueTask) ||
                 (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            body = Expression.Convert(Expression.Call(call, returnType.GetMethod(nameof(ValueTask.AsTask))!), typeof(Task));
        }
        else
        {
            body = Expression.Convert(call, typeof(Task));
        }
        return Expression.Lambda<Func<object, object?[], Task>>(body, target, arguments).Compile();
    }
}
