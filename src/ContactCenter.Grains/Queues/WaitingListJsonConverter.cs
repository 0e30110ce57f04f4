using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContactCenter.Grains.Routing;

namespace ContactCenter.Grains.Queues;

/// <summary>Writes a <see cref="WaitingList"/> as <see cref="WaitingListData"/> and restores it, so a journal snapshot
/// of the queue keeps every item's sequence and the offers.</summary>
internal sealed class WaitingListJsonConverter : JsonConverter<WaitingList>
{
    public override WaitingList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var data = JsonSerializer.Deserialize(ref reader, DataInfo(options))
            ?? throw new JsonException("a waiting list cannot be null");
        return WaitingList.Restore(data.Items.IsDefault ? [] : data.Items, data.Offers ?? ImmutableDictionary<string, string>.Empty,
            data.NextSequence);
    }

    public override void Write(Utf8JsonWriter writer, WaitingList value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        var data = new WaitingListData(value.NextSequence, [.. value.Items],
            ImmutableDictionary.CreateRange(StringComparer.Ordinal, value.Offers));
        JsonSerializer.Serialize(writer, data, DataInfo(options));
    }

    private static JsonTypeInfo<WaitingListData> DataInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<WaitingListData>)options.GetTypeInfo(typeof(WaitingListData));
}
