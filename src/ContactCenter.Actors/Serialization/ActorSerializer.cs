using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ContactCenter.Actors.Serialization;

/// <summary>System.Text.Json with source-generated metadata only: a type no registered context knows is refused up
/// front (when a proxy is created), never discovered by reflection at run time. Values declared as <see cref="object"/>
/// travel with their type name.</summary>
internal sealed class ActorSerializer
{
    private readonly ConcurrentDictionary<string, Type?> _typesByName = new(StringComparer.Ordinal);

    public ActorSerializer(IEnumerable<IJsonTypeInfoResolver> applicationResolvers, IJsonTypeInfoResolver referenceResolver)
    {
        Options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(
                [referenceResolver, .. applicationResolvers, ActorJsonContext.Default]),
            // State and events come back from storage as it keeps them: PostgreSQL's jsonb orders keys shortest first,
            // so a polymorphic value's "$type" can follow its members. What this serializer writes has it first, which
            // reads without buffering.
            AllowOutOfOrderMetadataProperties = true,
        };
        Options.MakeReadOnly();
    }

    public JsonSerializerOptions Options { get; }

    /// <summary>Whether values of <paramref name="type"/> can cross processes.</summary>
    public bool CanSerialize(Type type) =>
        type == typeof(object) || type == typeof(CancellationToken) || Options.TryGetTypeInfo(type, out _);

    public void Write(Utf8JsonWriter writer, object? value, Type declaredType)
    {
        if (declaredType == typeof(object))
        {
            WriteTagged(writer, value);
            return;
        }
        JsonSerializer.Serialize(writer, value, Options.GetTypeInfo(declaredType));
    }

    public object? Read(ref Utf8JsonReader reader, Type declaredType)
    {
        if (declaredType == typeof(object))
        {
            return ReadTagged(ref reader);
        }
        return JsonSerializer.Deserialize(ref reader, Options.GetTypeInfo(declaredType));
    }

    public string Serialize<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    public T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)))
        ?? throw new JsonException($"null where a {typeof(T).Name} was expected");

    // {"t":"<type>","v":<value>} — the type must be one a registered context knows, which doubles as an allow-list.
    private void WriteTagged(Utf8JsonWriter writer, object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        var type = value.GetType();
        writer.WriteStartObject();
        writer.WriteString("t", type.AssemblyQualifiedName);
        writer.WritePropertyName("v");
        JsonSerializer.Serialize(writer, value, Options.GetTypeInfo(type));
        writer.WriteEndObject();
    }

    private object? ReadTagged(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        Expect(ref reader, JsonTokenType.StartObject);
        reader.Read();
        var name = ReadString(ref reader, "t");
        var type = _typesByName.GetOrAdd(name, static n => Type.GetType(n, throwOnError: false))
            ?? throw new JsonException($"type '{name}' is not loaded in this process");
        if (!Options.TryGetTypeInfo(type, out var info))
        {
            throw new JsonException($"type '{type.FullName}' has no serializer metadata in this process");
        }
        reader.Read();
        ExpectProperty(ref reader, "v");
        reader.Read();
        var value = JsonSerializer.Deserialize(ref reader, info);
        reader.Read();
        Expect(ref reader, JsonTokenType.EndObject);
        return value;
    }

    internal static string ReadString(ref Utf8JsonReader reader, string property)
    {
        ExpectProperty(ref reader, property);
        reader.Read();
        return reader.GetString() ?? throw new JsonException($"'{property}' is null");
    }

    internal static void ExpectProperty(ref Utf8JsonReader reader, string property)
    {
        if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(property))
        {
            throw new JsonException($"expected property '{property}' at byte {reader.TokenStartIndex}");
        }
    }

    internal static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"expected {token} but found {reader.TokenType} at byte {reader.TokenStartIndex}");
        }
    }
}
