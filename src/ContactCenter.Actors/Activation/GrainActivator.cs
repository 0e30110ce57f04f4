using System.Collections.Concurrent;
using System.Reflection;
using ContactCenter.Actors.Persistence;

namespace ContactCenter.Actors.Activation;

/// <summary>Creates grain objects by constructor injection: parameters marked <see cref="PersistentStateAttribute"/>
/// get the activation's named state; everything else comes from the silo's services.</summary>
internal static class GrainActivator
{
    private static readonly ConcurrentDictionary<Type, ConstructorInfo> Constructors = new();

    public static object Create(ActivationData activation)
    {
        var constructor = Constructors.GetOrAdd(activation.Implementation, static type =>
            type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"grain class {type.Name} has no public constructor"));
        var parameters = constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Resolve(activation, parameters[i]);
        }
        return constructor.Invoke(arguments);
    }

    private static object Resolve(ActivationData activation, ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } attribute)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"{activation.Implementation.Name}: [PersistentState] goes on an IPersistentState<T> parameter, not {type.Name}");
            }
            var stateType = typeof(PersistentState<>).MakeGenericType(type.GetGenericArguments()[0]);
            var state = Activator.CreateInstance(stateType, activation, attribute.StateName)!;
            activation.AddStateLoader((IStateLoader)state);
            return state;
        }
        if (parameter.ParameterType == typeof(IGrainFactory))
        {
            return activation.Runtime.GrainFactory;
        }
        return activation.Runtime.Services.GetService(parameter.ParameterType)
               ?? throw new InvalidOperationException(
                   $"{activation.Implementation.Name} needs a {parameter.ParameterType.Name} ('{parameter.Name}') that is not registered");
    }
}
