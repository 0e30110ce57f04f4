using System.Reflection;

namespace ContactCenter.Actors.Calls;

/// <summary>The object behind every typed grain and observer reference. <see cref="DispatchProxy"/> was chosen over a
/// source generator for now: it keeps the runtime one project; the benchmark figures in the issue notes show its cost.</summary>
public class GrainProxy : DispatchProxy
{
    internal GrainReference Reference { get; set; } = null!;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        Reference.Invoke(targetMethod!, args);

    internal static T Create<T>(GrainReference reference) where T : class
    {
        var proxy = DispatchProxy.Create<T, GrainProxy>();
        ((GrainProxy)(object)proxy).Reference = reference;
        return proxy;
    }

    internal static object Create(Type interfaceType, GrainReference reference)
    {
        var proxy = DispatchProxy.Create(interfaceType, typeof(GrainProxy));
        ((GrainProxy)proxy).Reference = reference;
        return proxy;
    }
}
