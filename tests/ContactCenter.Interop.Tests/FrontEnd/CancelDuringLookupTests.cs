using ContactCenter.Actors;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Sip.Transactions;
using ContactCenter.Storage.Documents;
using ContactCenter.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SipTransportKind = ContactCenter.Sip.Transactions.SipTransportKind;

namespace ContactCenter.Interop.Tests.FrontEnd;

/// <summary>A caller who cancels the INVITE while the front end still looks the dialled number up reaches its call
/// grain all the same and is journaled as an abandon before the IVR (before, the call ended without a record).</summary>
public sealed class CancelDuringLookupTests
{
    private const string Number = "7310";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_caller_who_cancels_during_the_number_lookup_is_an_abandon_before_the_ivr()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var store = new HeldLookupDocumentStore(new InMemoryDocumentStore(), Number);
        await using var node = await FrontEndNode.StartAsync("51000-51199",
            services => services.Replace(ServiceDescriptor.Singleton<IDocumentStore>(store)));
        await using var caller = MediaPeer.Start(51400);
        string Diagnostics() => caller.Log.Tail();
        await node.Documents.CreateAsync(new Queue { Id = "lookup-cancel", Name = "Lookup cancel" }, cancellation);
        await node.Documents.CreateAsync(new InboundNumber { Id = Number, Name = Number, Target = InboundNumberTargetKind.Queue, TargetId = "lookup-cancel" }, cancellation);

        var call = caller.Call(new SipEndPoint(SipTransportKind.Udp, "127.0.0.1", node.SipPort), Number);
        await Conditions.WithinAsync(store.Entered.ContinueWith(_ => true, TaskScheduler.Default), Wait, "the front end looks the number up", Diagnostics, cancellation);
        Assert.True(call.Cancel());
        var final = await Conditions.WithinAsync(call.Answered, Wait, "the INVITE's final response after the CANCEL", Diagnostics, cancellation);
        Assert.Equal(487, final.StatusCode);
        store.Release();

        string? callId = null;
        await Eventually.TrueAsync(async () => (callId = (await StreamsAsync(node.Journal, "CallEnded")).SingleOrDefault()) is not null,
            Wait, "the cancelled call's grain ends it");
        var status = await node.Grains.GetGrain<ICallGrain>(callId!).GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Abandoned, AbandonPhase.BeforeIvr), (status.Phase, status.EndReason, status.AbandonPhase));
        Assert.Equal(Number, status.To);
        Assert.Null(status.QueueId);
        Assert.Equal(["CallArrived", "CallAbandoned", "CallEnded"], await EventTypesAsync(node.Journal, callId!));
        await Conditions.WaitAsync(() => node.Calls.CallCount == 0, Wait, $"the front end lets call {callId} go", Diagnostics, cancellation);
    }

    private static async Task<List<string>> StreamsAsync(IEventJournal journal, string eventType) =>
        [.. (await ReadAllAsync(journal)).Where(r => r.EventType == eventType).Select(r => r.StreamId[(r.StreamId.LastIndexOf('/') + 1)..])];

    private static async Task<List<string>> EventTypesAsync(IEventJournal journal, string callId) =>
        [.. (await ReadAllAsync(journal)).Where(r => r.StreamId.EndsWith("/" + callId, StringComparison.Ordinal)).Select(r => r.EventType)];

    private static async Task<List<JournalRecord>> ReadAllAsync(IEventJournal journal)
    {
        var all = new List<JournalRecord>();
        for (long after = 0; ;)
        {
            var page = await journal.ReadAllAsync(after, 500);
            if (page.Count == 0)
            {
                return all;
            }
            all.AddRange(page);
            after = page[^1].Position;
        }
    }
}
