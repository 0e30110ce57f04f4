using ContactCenter.Actors.Calls;

namespace ContactCenter.Actors.Messaging;

/// <summary>What the decoder needs to know to type a frame's values.</summary>
internal interface IMessageResolver
{
    /// <summary>The grain or observer interface with this wire name, or null when this process does not know it.</summary>
    InterfaceMetadata? FindInterface(string name);

    /// <summary>The method whose answer <paramref name="callId"/> is awaiting, or null when nobody waits any more.</summary>
    GrainMethod? PendingMethod(long callId);
}
