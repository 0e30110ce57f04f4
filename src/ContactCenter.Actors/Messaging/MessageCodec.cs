using System.Buffers;
using System.Text.Json;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Messaging;

/// <summary>Frames are a 4-byte little-endian length followed by one JSON object. The envelope is written by hand with
/// <see cref="Utf8JsonWriter"/>; arguments and results go through source-generated metadata. Properties are written in
/// a fixed order the reader relies on (the interface and method before the arguments, the call id before the result).</summary>
internal sealed class MessageCodec(ActorSerializer serializer, IMessageResolver resolver)
{
    /// <summary>Frames larger than this close the connection: a peer speaking another protocol, or a runaway value.</summary>
    public const int MaxFrameBytes = 16 * 1024 * 1024;

    public void Encode(Message message, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        buffer.GetSpan(4);
        buffer.Advance(4);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("k", (int)message.Kind);
            writer.WriteNumber("id", message.CallId);
            switch (message.Kind)
            {
                case MessageKind.Handshake:
                    writer.WriteString("from", message.Sender!.ToString());
                    writer.WriteString("to", message.MovedTo!.ToString());
                    break;
                case MessageKind.Request:
                    WriteRequest(writer, message);
                    break;
                case MessageKind.Response:
                    WriteResponse(writer, message);
                    break;
                case MessageKind.Cancel:
                    break;
            }
            writer.WriteEndObject();
        }
        var length = buffer.WrittenCount - 4;
        if (length > MaxFrameBytes)
        {
            throw new InvalidOperationException($"{message} encodes to {length} bytes, over the {MaxFrameBytes}-byte frame limit");
        }
        // The buffer may have grown while the body was written, so the length goes in through the written memory.
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(
            System.Runtime.InteropServices.MemoryMarshal.AsMemory(buffer.WrittenMemory).Span, length);
    }

    public Message Decode(ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        long? callId = null;
        var kind = MessageKind.Handshake;
        try
        {
            reader.Read();
            ActorSerializer.Expect(ref reader, JsonTokenType.StartObject);
            reader.Read();
            ActorSerializer.ExpectProperty(ref reader, "k");
            reader.Read();
            kind = (MessageKind)reader.GetInt32();
            reader.Read();
            ActorSerializer.ExpectProperty(ref reader, "id");
            reader.Read();
            callId = reader.GetInt64();
            return kind switch
            {
                MessageKind.Handshake => ReadHandshake(ref reader, callId.Value),
                MessageKind.Request => ReadRequest(ref reader, callId.Value),
                MessageKind.Response => ReadResponse(ref reader, callId.Value),
                MessageKind.Cancel => new Message { Kind = MessageKind.Cancel, CallId = callId.Value },
                _ => throw new JsonException($"unknown message kind {(int)kind}"),
            };
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException
                                              or NotSupportedException)
        {
            throw new MessageDecodeException(
                $"undecodable {kind} frame: {exception.Message}", callId, kind == MessageKind.Request, exception);
        }
    }

    private void WriteRequest(Utf8JsonWriter writer, Message message)
    {
        if (message.TargetGrain is { } grain)
        {
            writer.WriteString("g", grain.ToString());
        }
        else
        {
            writer.WriteString("o", message.TargetObserver!.ToString());
        }
        var method = message.Method!;
        writer.WriteString("i", method.Interface.Name);
        writer.WriteNumber("m", method.Index);
        writer.WriteBoolean("ow", message.OneWay);
        writer.WriteNumber("h", message.Hops);
        writer.WriteStartArray("a");
        var arguments = message.Arguments!;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i == method.CancellationTokenIndex)
            {
                writer.WriteNullValue();
                continue;
            }
            serializer.Write(writer, arguments[i], method.Parameters[i]);
        }
        writer.WriteEndArray();
    }

    private void WriteResponse(Utf8JsonWriter writer, Message message)
    {
        writer.WriteNumber("s", (int)message.Status);
        switch (message.Status)
        {
            case ResponseStatus.Ok:
                if (message.Method?.Return.ResultType is { } resultType)
                {
                    writer.WritePropertyName("r");
                    serializer.Write(writer, message.Value, resultType);
                }
                break;
            case ResponseStatus.Exception:
                writer.WritePropertyName("e");
                JsonSerializer.Serialize(writer, message.Exception!, ActorJsonContext.Default.ExceptionInfo);
                break;
            case ResponseStatus.Moved when message.MovedTo is { } movedTo:
                writer.WriteString("mv", movedTo.ToString());
                break;
        }
    }

    private static Message ReadHandshake(ref Utf8JsonReader reader, long callId)
    {
        reader.Read();
        var from = SiloAddress.Parse(ActorSerializer.ReadString(ref reader, "from"));
        reader.Read();
        var to = SiloAddress.Parse(ActorSerializer.ReadString(ref reader, "to"));
        return new Message { Kind = MessageKind.Handshake, CallId = callId, Sender = from, MovedTo = to };
    }

    private Message ReadRequest(ref Utf8JsonReader reader, long callId)
    {
        reader.Read();
        GrainId? grain = null;
        ObserverId? observer = null;
        if (reader.ValueTextEquals("g"))
        {
            reader.Read();
            grain = GrainId.Parse(reader.GetString()!);
        }
        else
        {
            observer = ObserverId.Parse(ActorSerializer.ReadString(ref reader, "o"));
        }
        reader.Read();
        var interfaceName = ActorSerializer.ReadString(ref reader, "i");
        var metadata = resolver.FindInterface(interfaceName)
            ?? throw new JsonException($"interface '{interfaceName}' is not known in this process");
        reader.Read();
        ActorSerializer.ExpectProperty(ref reader, "m");
        reader.Read();
        var method = metadata.Method(reader.GetInt32());
        reader.Read();
        ActorSerializer.ExpectProperty(ref reader, "ow");
        reader.Read();
        var oneWay = reader.GetBoolean();
        reader.Read();
        ActorSerializer.ExpectProperty(ref reader, "h");
        reader.Read();
        var hops = reader.GetInt32();
        reader.Read();
        ActorSerializer.ExpectProperty(ref reader, "a");
        reader.Read();
        ActorSerializer.Expect(ref reader, JsonTokenType.StartArray);
        var arguments = method.Parameters.Length == 0 ? [] : new object?[method.Parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            reader.Read();
            arguments[i] = i == method.CancellationTokenIndex
                ? CancellationToken.None
                : serializer.Read(ref reader, method.Parameters[i]);
        }
        reader.Read();
        ActorSerializer.Expect(ref reader, JsonTokenType.EndArray);
        return new Message
        {
            Kind = MessageKind.Request,
            CallId = callId,
            TargetGrain = grain,
            TargetObserver = observer,
            Method = method,
            Arguments = arguments,
            OneWay = oneWay,
            Hops = hops,
        };
    }

    private Message ReadResponse(ref Utf8JsonReader reader, long callId)
    {
        reader.Read();
        ActorSerializer.ExpectProperty(ref reader, "s");
        reader.Read();
        var status = (ResponseStatus)reader.GetInt32();
        object? result = null;
        ExceptionInfo? exception = null;
        SiloAddress? movedTo = null;
        GrainMethod? method = null;
        reader.Read();
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("r"))
            {
                method = resolver.PendingMethod(callId);
                reader.Read();
                if (method?.Return.ResultType is { } resultType)
                {
                    result = serializer.Read(ref reader, resultType);
                }
                else
                {
                    reader.Skip(); // nobody waits any more (timed out): the value has no type to read into
                }
            }
            else if (reader.ValueTextEquals("e"))
            {
                reader.Read();
                exception = JsonSerializer.Deserialize(ref reader, ActorJsonContext.Default.ExceptionInfo);
            }
            else
            {
                movedTo = SiloAddress.Parse(ActorSerializer.ReadString(ref reader, "mv"));
            }
        }
        return new Message
        {
            Kind = MessageKind.Response,
            CallId = callId,
            Status = status,
            Value = result,
            Exception = exception,
            MovedTo = movedTo,
            Method = method,
        };
    }
}
