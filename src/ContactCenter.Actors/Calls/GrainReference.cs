using System.Reflection;
using ContactCenter.Actors.Activation;
using ContactCenter.Actors.Hosting;

namespace ContactCenter.Actors.Calls;

/// <summary>What a proxy stands for: a grain (by id) or an observer (by process and id), seen through one interface.</summary>
internal sealed class GrainReference
{
    public GrainReference(ActorRuntime runtime, InterfaceMetadata metadata, GrainId grainId)
    {
        Runtime = runtime;
        Metadata = metadata;
        GrainId = grainId;
    }

    public GrainReference(ActorRuntime runtime, InterfaceMetadata metadata, ObserverId observerId)
    {
        Runtime = runtime;
        Metadata = metadata;
        ObserverId = observerId;
    }

    public ActorRuntime Runtime { get; }

    public InterfaceMetadata Metadata { get; }

    public GrainId? GrainId { get; }

    public ObserverId? ObserverId { get; }

    /// <summary>The local activation this reference reached last; reused while it stays valid (the fast path).</summary>
    public ActivationData? CachedActivation { get; set; }

    public object? Invoke(MethodInfo method, object?[]? arguments)
    {
        var grainMethod = Metadata[method];
        var task = Runtime.Dispatcher.Invoke(this, grainMethod, arguments ?? []);
        return grainMethod.Return.ToProxyResult(task);
    }

    /// <summary>The wire form: <c>g|interface|type/key</c> or <c>o|interface|process/id</c>.</summary>
    public override string ToString() => GrainId is { } grain
        ? $"g|{Metadata.Name}|{grain}"
        : $"o|{Metadata.Name}|{ObserverId}";
}
