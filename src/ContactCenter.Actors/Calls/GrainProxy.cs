using System.Collections.Concurrent;
using System.Reflection;

namespace ContactCenter.Actors.Calls;

/// <summary>The object behind every typed grain and observer reference. <see cref="DispatchProxy"/> was chosen over a
/// source generator for now: it keeps the runtime one project; the benchmark figures in the issue notes show its cost.</summary>
/// <remarks>Every reference is a shallow copy of one prototype proxy per interface: <see cref="DispatchProxy.Create"/>
/// runs its generated type's constructor through reflection each time, and the runtime rebuilds that constructor's
/// invoker (a dynamic method, later finalized) whenever its reflection cache was collected, which under call load was
/// several per cent of the host's CPU.</remarks>
public class GrainProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<Type, GrainProxy> Prototypes = new();

    internal GrainReference Reference { get; set; } = null!;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        Reference.Invoke(targetMethod!, args);

    internal static T Create<T>(GrainReference reference) where T : class => (T)Create(typeof(T), reference);

    internal static object Create(Type interfaceType, GrainReference reference)
    {
        var prototype = Prototypes.GetOrAdd(interfaceType, static type => (GrainProxy)DispatchProxy.Create(type, typeof(GrainProxy)));
        var proxy = (GrainProxy)prototype.MemberwiseClone();
        proxy.Reference = reference;
        return proxy;
    }
}
