using System.Text.Json.Serialization.Metadata;

namespace ContactCenter.Actors;

/// <summary>Source-generated serializer metadata the runtime may use for arguments, results, state and events.</summary>
public sealed record SerializerContextRegistration(IJsonTypeInfoResolver Resolver);
