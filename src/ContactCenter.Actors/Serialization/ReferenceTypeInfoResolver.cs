using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContactCenter.Actors.Hosting;

namespace ContactCenter.Actors.Serialization;

/// <summary>Lets grain and observer references travel as arguments and results: a reference is written as its wire
/// form and read back as a proxy bound to the receiving process's runtime.</summary>
internal sealed class ReferenceTypeInfoResolver(ActorRuntime runtime) : IJsonTypeInfoResolver
{
    private static readonly MethodInfo CreateInfoMethod =
        typeof(ReferenceTypeInfoResolver).GetMethod(nameof(CreateInfo), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        if (!type.IsInterface || !(typeof(IGrain).IsAssignableFrom(type) || typeof(IGrainObserver).IsAssignableFrom(type)))
        {
            return null;
        }
        return (JsonTypeInfo)CreateInfoMethod.MakeGenericMethod(type).Invoke(this, [options])!;
    }

    private JsonTypeInfo<T> CreateInfo<T>(JsonSerializerOptions options) where T : class =>
        JsonMetadataServices.CreateValueInfo<T>(options, new ReferenceConverter<T>(runtime));

    private sealed class ReferenceConverter<T>(ActorRuntime runtime) : JsonConverter<T> where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : (T)runtime.ParseReference(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(runtime.FormatReference(value));
    }
}
