using System.Collections.Concurrent;
using System.Reflection;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Serialization;
using ContactCenter.Actors.Streams;

namespace ContactCenter.Actors.Hosting;

/// <summary>The grain types this process knows: primary interface → grain type name → implementation, plus every
/// interface a call may arrive through. Interfaces are validated once, when the first reference is created.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, string> _grainTypes = [];
    private readonly Dictionary<string, Type> _implementations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _preferLocal = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InterfaceMetadata> _interfaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string?> _validated = new();
    private readonly ActorSerializer _serializer;

    public GrainTypeRegistry(IEnumerable<GrainRegistration> registrations, ActorSerializer serializer)
    {
        _serializer = serializer;
        foreach (var registration in registrations.Append(new GrainRegistration(typeof(IStreamRendezvousGrain), typeof(StreamRendezvousGrain))))
        {
            Add(registration);
        }
        AddInterface(typeof(IStreamConsumer));
    }

    /// <summary>The grain type name for a primary interface, or an exception that says what is wrong.</summary>
    public string GrainTypeOf(Type grainInterface)
    {
        if (!_grainTypes.TryGetValue(grainInterface, out var grainType))
        {
            throw new InvalidGrainInterfaceException(
                $"{grainInterface.FullName} is not a registered grain interface; register its implementation with AddGrain<{grainInterface.Name}, …>()");
        }
        Validate(grainInterface);
        return grainType;
    }

    public Type GetImplementation(string grainType) =>
        _implementations.TryGetValue(grainType, out var implementation)
            ? implementation
            : throw new InvalidGrainInterfaceException($"no grain class is registered for grain type '{grainType}' in this silo");

    public bool PrefersLocalPlacement(string grainType) => _preferLocal.Contains(grainType);

    /// <summary>The interface a call or reference names. Observer interfaces a peer created references to are found among
    /// the loaded assemblies the first time they are named (every process runs the same build).</summary>
    public InterfaceMetadata? FindInterface(string name)
    {
        if (_interfaces.TryGetValue(name, out var known))
        {
            return known;
        }
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(name, throwOnError: false))
            .FirstOrDefault(t => t is { IsInterface: true } &&
                                 (typeof(IGrainObserver).IsAssignableFrom(t) || typeof(IGrain).IsAssignableFrom(t)));
        return type is null ? null : AddInterface(type);
    }

    /// <summary>Makes an observer interface known, validating it; returns its metadata.</summary>
    public InterfaceMetadata AddInterface(Type interfaceType)
    {
        Validate(interfaceType);
        var metadata = InterfaceMetadata.For(interfaceType);
        _interfaces.TryAdd(metadata.Name, metadata);
        return metadata;
    }

    public void EnsureRemindable(string grainType)
    {
        if (!typeof(IRemindable).IsAssignableFrom(GetImplementation(grainType)))
        {
            throw new InvalidOperationException($"grain type '{grainType}' registers a reminder but does not implement IRemindable");
        }
    }

    private void Add(GrainRegistration registration)
    {
        var (grainInterface, implementation) = registration;
        if (!grainInterface.IsInterface || !typeof(IGrainWithStringKey).IsAssignableFrom(grainInterface))
        {
            throw new ArgumentException($"{grainInterface.Name} is not a grain interface (IGrainWithStringKey)");
        }
        if (!grainInterface.IsAssignableFrom(implementation) || !typeof(Grain).IsAssignableFrom(implementation) || implementation.IsAbstract)
        {
            throw new ArgumentException($"{implementation.Name} must be a concrete Grain implementing {grainInterface.Name}");
        }
        var grainType = grainInterface.FullName!;
        if (_implementations.TryGetValue(grainType, out var existing) && existing != implementation)
        {
            throw new ArgumentException($"{grainInterface.Name} is implemented by both {existing.Name} and {implementation.Name}; register one");
        }
        _grainTypes[grainInterface] = grainType;
        _implementations[grainType] = implementation;
        if (grainInterface.IsDefined(typeof(PreferLocalPlacementAttribute)) || implementation.IsDefined(typeof(PreferLocalPlacementAttribute)))
        {
            _preferLocal.Add(grainType);
        }
        foreach (var callable in implementation.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i) && i != typeof(IGrain)))
        {
            var metadata = InterfaceMetadata.For(callable);
            _interfaces.TryAdd(metadata.Name, metadata);
        }
    }

    private void Validate(Type interfaceType)
    {
        var problem = _validated.GetOrAdd(interfaceType, FindProblem);
        if (problem is not null)
        {
            throw new InvalidGrainInterfaceException(problem);
        }
    }

    private string? FindProblem(Type interfaceType)
    {
        InterfaceMetadata metadata;
        try
        {
            metadata = InterfaceMetadata.For(interfaceType);
        }
        catch (NotSupportedException exception)
        {
            return $"{interfaceType.FullName} cannot be called remotely: {exception.Message}";
        }
        foreach (var method in metadata.Methods)
        {
            foreach (var parameter in method.Method.GetParameters())
            {
                if (!_serializer.CanSerialize(parameter.ParameterType))
                {
                    return $"{interfaceType.FullName}.{method.Method.Name}: parameter '{parameter.Name}' of type " +
                           $"{parameter.ParameterType.FullName} has no serializer metadata; add it to a JsonSerializerContext registered with AddSerializerContext";
                }
            }
            if (method.Return.ResultType is { } result && !_serializer.CanSerialize(result))
            {
                return $"{interfaceType.FullName}.{method.Method.Name}: result type {result.FullName} has no serializer metadata; " +
                       "add it to a JsonSerializerContext registered with AddSerializerContext";
            }
            if (method.IsOneWay && method.Return.ResultType is not null)
            {
                return $"{interfaceType.FullName}.{method.Method.Name}: one-way methods cannot return a value";
            }
        }
        return null;
    }
}
