using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.EndToEnd;

/// <summary>An in-memory UDP network between endpoints: sends are serialized and queued, <see cref="Pump"/> delivers
/// them (parsed again) in order, and a drop rule can lose chosen packets. Queuing keeps deliveries out of the
/// sender's call stack, as on a real network.</summary>
internal sealed class LoopbackNetwork
{
    private readonly Queue<(byte[] Bytes, SipEndPoint From, SipEndPoint To)> _inFlight = new();
    private readonly Dictionary<SipEndPoint, SipTransactionLayer> _layers = [];

    public Func<SipMessage, bool> Drop { get; set; } = _ => false;

    public List<SipMessage> Delivered { get; } = [];

    public List<SipMessage> Dropped { get; } = [];

    public ISipTransport TransportFor(SipEndPoint self) => new Port(this, self);

    public void Attach(SipEndPoint self, SipTransactionLayer layer) => _layers[self] = layer;

    /// <summary>Delivers until nothing is in flight.</summary>
    public void Pump()
    {
        while (_inFlight.TryDequeue(out var packet))
        {
            var result = SipMessageParser.Parse(packet.Bytes);
            Assert.True(result.IsSuccess, $"undeliverable packet: {result}");
            Delivered.Add(result.Message!);
            _layers[packet.To].Receive(result.Message!, packet.From);
        }
    }

    private sealed class Port(LoopbackNetwork network, SipEndPoint self) : ISipTransport
    {
        public bool TrySend(SipMessage message, SipEndPoint destination)
        {
            if (network.Drop(message))
            {
                network.Dropped.Add(message);
                return true;
            }
            network._inFlight.Enqueue((SipMessageSerializer.Serialize(message), self, destination));
            return true;
        }
    }
}
