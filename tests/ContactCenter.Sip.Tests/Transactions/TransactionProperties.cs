using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>Random interleavings of retransmissions, responses, ACKs and time: nothing throws, every message sent
/// parses (the fake transport checks), and once 64·T1 plus T4 have passed without traffic no transaction is left.</summary>
public sealed class TransactionProperties
{
    [Fact]
    public void Server_transactions_always_end()
    {
        var seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(seeds, seed =>
        {
            var random = new Random(seed);
            var h = new TransactionHarness();
            var transport = random.Next(2) == 0 ? "UDP" : "TCP";
            var peer = transport == "UDP" ? TransactionHarness.PeerUdp : TransactionHarness.PeerTcp;
            string[] methods = ["INVITE", "OPTIONS", "BYE"];
            for (var step = 0; step < 40; step++)
            {
                var branch = $"z9hG4bK{random.Next(3)}";
                var method = methods[random.Next(methods.Length)];
                switch (random.Next(5))
                {
                    case 0:
                        h.Layer.Receive(TransactionHarness.Request(method, branch, transport, cseq: random.Next(3)), peer);
                        break;
                    case 1 when h.User.Requests.Count > 0:
                        var tx = h.User.Requests[random.Next(h.User.Requests.Count)];
                        var status = new[] { 100, 180, 200, 404, 486, 503 }[random.Next(6)];
                        if (CanSend(tx, status))
                        {
                            tx.SendResponse(TransactionHarness.ResponseTo(tx.Request, status));
                        }
                        break;
                    case 2:
                        h.Layer.Receive(TransactionHarness.Request("ACK", branch, transport, toTag: "uas", cseq: random.Next(3)), peer);
                        break;
                    default:
                        h.Advance(random.Next(5_000));
                        break;
                }
            }
            foreach (var tx in h.User.Requests)
            {
                if (CanSend(tx, 500))
                {
                    tx.SendResponse(TransactionHarness.ResponseTo(tx.Request, 500));
                }
            }
            h.Advance(32_000 + 5_000);
            return h.Layer.ServerTransactionCount == 0;
        }));
    }

    [Fact]
    public void Client_transactions_always_end()
    {
        var seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(seeds, seed =>
        {
            var random = new Random(seed);
            var h = new TransactionHarness();
            var sent = new List<SipRequest>();
            for (var step = 0; step < 30; step++)
            {
                switch (random.Next(4))
                {
                    case 0:
                        var request = TransactionHarness.Request(random.Next(2) == 0 ? "INVITE" : "REGISTER", SipIdentifiers.NewBranch(), random.Next(2) == 0 ? "UDP" : "TCP");
                        h.Layer.SendRequest(request, request.TopVia!.Transport == "UDP" ? TransactionHarness.PeerUdp : TransactionHarness.PeerTcp);
                        sent.Add(request);
                        break;
                    case 1 when sent.Count > 0:
                        var original = sent[random.Next(sent.Count)];
                        var status = new[] { 100, 180, 200, 401, 486, 603 }[random.Next(6)];
                        h.Layer.Receive(TransactionHarness.ResponseTo(original, status), TransactionHarness.PeerUdp);
                        break;
                    default:
                        h.Advance(random.Next(10_000));
                        break;
                }
            }
            h.Advance(180_000 + 32_000);
            return h.Layer.ClientTransactionCount == 0 && h.Transport.Requests("ACK").All(a => a.CSeq!.Method == "ACK");
        }));
    }

    private static bool CanSend(SipServerTransaction tx, int status) => tx.State switch
    {
        SipTransactionState.Trying or SipTransactionState.Proceeding => true,
        SipTransactionState.Accepted => status is >= 200 and < 300,
        _ => false,
    };
}
