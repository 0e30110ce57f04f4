using System.Buffers;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Messaging;
using ContactCenter.Actors.Serialization;
using ContactCenter.Actors.Tests.Grains;

namespace ContactCenter.Actors.Tests.Messaging;

public sealed class MessageCodecTests(MessagingFixture fixture) : IClassFixture<MessagingFixture>
{
    private MessageCodec Codec => fixture.Silo.Runtime.Codec;

    private static GrainMethod MethodOf<T>(string name) =>
        InterfaceMetadata.For(typeof(T)).Methods.Single(m => m.Method.Name == name);

    private Message RoundTrip(Message message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Codec.Encode(message, buffer);
        var length = BitConverter.ToInt32(buffer.WrittenSpan[..4]);
        Assert.Equal(buffer.WrittenCount - 4, length);
        return Codec.Decode(new ReadOnlySequence<byte>(buffer.WrittenMemory[4..]));
    }

    [Fact]
    public void A_request_keeps_its_target_method_and_typed_arguments()
    {
        var hub = fixture.Cluster.Client.GetGrain<IObserverHubGrain>("h1");
        var method = MethodOf<IObserverHubGrain>(nameof(IObserverHubGrain.Attach));
        var notifier = fixture.Cluster.Client.CreateObjectReference<INotifier>(new Cluster.RecordingNotifier());
        var decoded = RoundTrip(new Message
        {
            Kind = MessageKind.Request, CallId = 7, TargetGrain = hub.GetGrainId(), Method = method, Arguments = [notifier], Hops = 2,
        });

        Assert.Equal(MessageKind.Request, decoded.Kind);
        Assert.Equal(7, decoded.CallId);
        Assert.Equal(hub.GetGrainId(), decoded.TargetGrain);
        Assert.Same(method, decoded.Method);
        Assert.Equal(2, decoded.Hops);
        Assert.IsAssignableFrom<INotifier>(decoded.Arguments![0]);
    }

    [Fact]
    public void Values_declared_as_object_travel_with_their_type()
    {
        var method = MethodOf<Streams.IStreamRendezvousGrain>(nameof(Streams.IStreamRendezvousGrain.Publish));
        var decoded = RoundTrip(new Message
        {
            Kind = MessageKind.Request, CallId = 1, TargetGrain = new GrainId("t", "k"), Method = method, Arguments = [new ChatLine("hi")],
        });
        Assert.Equal(new ChatLine("hi"), decoded.Arguments![0]);
    }

    [Fact]
    public void Responses_carry_results_exceptions_and_redirections()
    {
        var exception = RoundTrip(new Message
        {
            Kind = MessageKind.Response, CallId = 3, Status = ResponseStatus.Exception,
            Exception = ExceptionInfo.From(new ArgumentException("bad")),
        });
        Assert.IsType<ArgumentException>(exception.Exception!.ToException());
        Assert.Equal("bad", exception.Exception.ToException().Message);

        var silo = new SiloAddress("10.0.0.1", 11111, 42);
        Assert.Equal(silo, RoundTrip(new Message { Kind = MessageKind.Response, CallId = 4, Status = ResponseStatus.Moved, MovedTo = silo }).MovedTo);
    }

    [Fact]
    public void An_exception_type_unknown_here_arrives_as_a_remote_exception_naming_it()
    {
        var info = new ExceptionInfo("Elsewhere.CustomException", "nope", "at somewhere");
        var rebuilt = Assert.IsType<RemoteGrainException>(info.ToException());
        Assert.Equal("Elsewhere.CustomException", rebuilt.RemoteType);
        Assert.Contains("nope", rebuilt.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"k\":1,\"id\":9,\"g\":\"t/k\",\"i\":\"No.Such.Interface\",\"m\":0}")]
    [InlineData("{\"k\":1,\"id\":9,\"g\":\"t/k\",\"i\":\"ContactCenter.Actors.Tests.Grains.ICounterGrain\",\"m\":99}")]
    [InlineData("{\"k\":2,\"id\":5,\"s\":1,\"e\":42}")]
    public void Undecodable_frames_raise_a_decode_error_that_keeps_the_call_id_when_it_was_read(string json)
    {
        var error = Assert.Throws<MessageDecodeException>(() => Codec.Decode(new ReadOnlySequence<byte>(System.Text.Encoding.UTF8.GetBytes(json))));
        if (json.Contains("\"id\"", StringComparison.Ordinal))
        {
            Assert.NotNull(error.CallId);
        }
    }
}
