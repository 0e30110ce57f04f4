using System.Diagnostics.Metrics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Transactions;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Sip.Tests.Transport;

public sealed class SipReceiverTests : IDisposable
{
    private static readonly SipEndPoint Source = new(SipTransportKind.Udp, "203.0.113.7", 40000);

    private readonly TransactionHarness _h = new();
    private readonly SipMetrics _metrics = new();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _counts = [];
    private readonly SipReceiver _receiver;

    public SipReceiverTests()
    {
        _receiver = new SipReceiver(_h.Layer, _h.Transport, _metrics, NullLogger<SipReceiver>.Instance, warnAgent: "ivr.example.com:5060");
        Instrument[] ours = [_metrics.MessagesReceived, _metrics.MalformedMessages, _metrics.ErrorResponses, _metrics.DiscardedResponses, _metrics.HandlerFailures];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ours.Contains(instrument))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_counts)
            {
                _counts[instrument.Name] = _counts.GetValueOrDefault(instrument.Name) + value;
            }
        });
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public void Malformed_but_answerable_request_gets_400_at_its_source_and_is_counted()
    {
        _receiver.Receive(SipText.Bytes(
            "INVITE sip:ivr@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bKm;rport\r\n" +
            "To: <sip:ivr@example.com>\r\nFrom: <sip:c@example.net>;tag=1\r\nCall-ID: m1\r\nCSeq: 1 BYE\r\n\r\n"), Source);

        var (message, destination) = Assert.Single(_h.Transport.Sent);
        var response = Assert.IsType<SipResponse>(message);
        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith("399 ivr.example.com:5060 \"CSeq method BYE differs", response.Headers.Get("Warning"), StringComparison.Ordinal);
        Assert.Equal(Source, destination);
        Assert.Empty(_h.User.Requests);
        Assert.Equal(1, _counts["sip.messages.malformed"]);
        Assert.Equal(1, _counts["sip.messages.error_responses"]);
    }

    [Fact]
    public void Unanswerable_garbage_and_keep_alives_send_nothing()
    {
        _receiver.Receive([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x0a], Source);
        _receiver.Receive("\r\n\r\n"u8, Source);

        Assert.Empty(_h.Transport.Sent);
        Assert.Equal(1, _counts["sip.messages.malformed"]);
        Assert.False(_counts.ContainsKey("sip.messages.error_responses"));
    }

    [Fact]
    public void Good_request_reaches_the_user_and_responses_with_two_vias_are_discarded()
    {
        _receiver.Receive(SipText.Bytes(SipText.Invite), Source);
        _receiver.Receive(SipText.Bytes(SipText.Ok), Source);

        Assert.Single(_h.User.Requests);
        Assert.Empty(_h.User.Strays);
        Assert.Equal(2, _counts["sip.messages.received"]);
        Assert.Equal(1, _counts["sip.messages.discarded_responses"]);
    }

    [Fact]
    public void A_failing_user_is_contained_and_counted()
    {
        _h.User.ThrowOnRequest = true;

        _receiver.Receive(SipText.Bytes(SipText.Invite), Source);

        Assert.Single(_h.User.Requests);
        Assert.Equal(1, _counts["sip.handler_failures"]);
    }
}
