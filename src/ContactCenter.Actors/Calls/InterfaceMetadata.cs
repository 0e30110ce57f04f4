using System.Collections.Concurrent;
using System.Reflection;

namespace ContactCenter.Actors.Calls;

/// <summary>The methods of a grain or observer interface (its own and those it inherits), in an order every process
/// computes the same way.</summary>
internal sealed class InterfaceMetadata
{
    private static readonly ConcurrentDictionary<Type, InterfaceMetadata> Cache = new();
    private readonly Dictionary<MethodInfo, GrainMethod> _byMethodInfo;

    private InterfaceMetadata(Type interfaceType)
    {
        Type = interfaceType;
        Name = interfaceType.FullName ?? interfaceType.Name;
        IsObserver = typeof(IGrainObserver).IsAssignableFrom(interfaceType);
        var methods = new[] { interfaceType }
            .Concat(interfaceType.GetInterfaces())
            .SelectMany(t => t.GetMethods())
            .Where(m => !m.IsStatic)
            .OrderBy(GrainMethod.Signature, StringComparer.Ordinal)
            .ToArray();
        Methods = methods.Select((m, i) => GrainMethod.Create(this, m, i)).ToArray();
        _byMethodInfo = Methods.ToDictionary(m => m.Method);
    }

    public Type Type { get; }

    /// <summary>The name the wire carries.</summary>
    public string Name { get; }

    public bool IsObserver { get; }

    public IReadOnlyList<GrainMethod> Methods { get; }

    public GrainMethod this[MethodInfo method] =>
        _byMethodInfo.TryGetValue(method, out var found)
            ? found
            : throw new InvalidOperationException($"{method.Name} is not a method of {Name}.");

    public static InterfaceMetadata For(Type interfaceType)
    {
        if (!interfaceType.IsInterface)
        {
            throw new ArgumentException($"{interfaceType.Name} is not an interface.", nameof(interfaceType));
        }
        return Cache.GetOrAdd(interfaceType, static t => new InterfaceMetadata(t));
    }

    public GrainMethod Method(int index) =>
        (uint)index < (uint)Methods.Count
            ? Methods[index]
            : throw new InvalidOperationException($"{Name} has no method #{index}; are both processes the same build?");
}
