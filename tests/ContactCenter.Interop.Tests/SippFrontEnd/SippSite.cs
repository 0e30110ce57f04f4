using System.Globalization;
using System.Text.Json;
using ContactCenter.Actors;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Interop.Tests.FrontEnd;
using ContactCenter.Sip.Authentication;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.SippFrontEnd;

/// <summary>A front-end node with what a sipp test needs around it: its own queue, inbound number and agents (each with
/// a SIP account for a sipp phone and an RTP port for it), and the calls the node's journal holds.</summary>
internal sealed class SippSite : IAsyncDisposable
{
    private const string Realm = SiteSettings.DefaultSipRealm;

    private readonly int _firstPeerPort;
    private int _peerPorts;

    private SippSite(FrontEndNode node, int firstPeerPort)
    {
        Node = node;
        _firstPeerPort = firstPeerPort;
    }

    public FrontEndNode Node { get; }

    public int SipPort => Node.SipPort;

    /// <summary>Starts a node whose front end takes RTP ports <paramref name="first"/> to <paramref name="first"/> + 149
    /// and leaves the next 50 to the sipp peers' media ports (<see cref="NextMediaPort"/>).</summary>
    public static async Task<SippSite> StartAsync(int first)
    {
        var node = await FrontEndNode.StartAsync($"{first}-{first + 149}");
        return new SippSite(node, first + 150);
    }

    /// <summary>A media port for one more sipp peer (4 apart: sipp also binds the port + 2).</summary>
    public int NextMediaPort()
    {
        var port = _firstPeerPort + (4 * _peerPorts++);
        return port < _firstPeerPort + 50 ? port : throw new InvalidOperationException("more sipp peers than media ports");
    }

    /// <summary>A queue with its own inbound number.</summary>
    public async Task AddQueueAsync(string queueId, string number, TimeSpan ringTimeout, TimeSpan wrapUpTime, CancellationToken cancellationToken)
    {
        await Node.Documents.CreateAsync(new Queue { Id = queueId, Name = queueId, RingTimeout = ringTimeout, WrapUpTime = wrapUpTime }, cancellationToken);
        await Node.Documents.CreateAsync(new InboundNumber { Id = number, Name = queueId, Target = InboundNumberTargetKind.Queue, TargetId = queueId }, cancellationToken);
    }

    /// <summary>An agent of <paramref name="queueId"/> whose SIP user is its id and SIP password its id + "-secret".</summary>
    public async Task AddAgentAsync(string agentId, string queueId, CancellationToken cancellationToken, string? noAnswerPolicyId = null)
    {
        var password = PasswordOf(agentId);
        await Node.Documents.CreateAsync(new AgentProfile
        {
            Id = agentId,
            Name = agentId,
            Queues = [new QueueMembership(queueId)],
            NoAnswerPolicyId = noAnswerPolicyId,
            SipUsername = agentId,
            SipPasswordMd5Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, agentId, Realm, password),
            SipPasswordSha256Ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Sha256, agentId, Realm, password),
        }, cancellationToken);
    }

    public static string PasswordOf(string agentId) => agentId + "-secret";

    public IAgentGrain Agent(string agentId) => Node.Grains.GetGrain<IAgentGrain>(agentId);

    public ICallGrain Call(string callId) => Node.Grains.GetGrain<ICallGrain>(callId);

    /// <summary>The keys of the calls in the node's journal (every call grain journals its arrival), oldest first.</summary>
    public async Task<IReadOnlyList<string>> CallIdsAsync()
    {
        var ids = new List<string>();
        foreach (var record in await ReadAllAsync())
        {
            if (record.EventType == "CallArrived")
            {
                ids.Add(record.StreamId[(record.StreamId.LastIndexOf('/') + 1)..]);
            }
        }
        return ids;
    }

    /// <summary>When each event named <paramref name="eventType"/> of call <paramref name="callId"/> happened (its
    /// <c>At</c>), with its <c>AgentId</c> where it has one, in journal order.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset At, string? AgentId)>> EventsAsync(string callId, string eventType)
    {
        var found = new List<(DateTimeOffset, string?)>();
        foreach (var record in await ReadAllAsync())
        {
            if (record.EventType == eventType && record.StreamId.EndsWith("/" + callId, StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(record.Json);
                found.Add((Property(json.RootElement, "At")?.GetDateTimeOffset() ?? throw new InvalidOperationException($"{eventType} without At: {record.Json}"),
                    Property(json.RootElement, "AgentId")?.GetString()));
            }
        }
        return found;
    }

    /// <summary>The call's wrap-up end, read from its <c>ConversationEnded</c> event.</summary>
    public async Task<DateTimeOffset?> WrapUpUntilAsync(string callId)
    {
        foreach (var record in await ReadAllAsync())
        {
            if (record.EventType == "ConversationEnded" && record.StreamId.EndsWith("/" + callId, StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(record.Json);
                return Property(json.RootElement, "WrapUpUntil") is { ValueKind: JsonValueKind.String } until ? until.GetDateTimeOffset() : null;
            }
        }
        return null;
    }

    /// <summary>A one-line account of every call of the journal, for failure messages.</summary>
    public async Task<string> DescribeCallsAsync()
    {
        var records = await ReadAllAsync();
        var lines = new List<string>();
        foreach (var id in await CallIdsAsync())
        {
            var status = await Call(id).GetStatusAsync();
            var events = records.Where(r => r.StreamId.EndsWith("/" + id, StringComparison.Ordinal)).ToList();
            var ended = events.LastOrDefault(r => r.EventType == "CallEnded")?.Json;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"call {id}: {status.Phase} queue {status.QueueId} agent {status.AgentId} missed by [{string.Join(',', status.MissedBy)}] abandoned {status.AbandonPhase} ended {status.EndReason} {ended}"));
            lines.Add("  events: " + string.Join(", ", events.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.EventType}@{r.Timestamp:HH:mm:ss.fff}"))));
        }
        return lines.Count == 0 ? "(no call in the journal)" : string.Join('\n', lines);
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails naming <paramref name="phase"/>, with every call of
    /// the journal and the peers' side (<paramref name="peers"/>).</summary>
    public async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string phase, Func<string> peers, CancellationToken cancellationToken)
    {
        try
        {
            await Eventually.TrueAsync(condition, timeout, phase).WaitAsync(cancellationToken);
        }
        catch (TimeoutException timedOut)
        {
            Assert.Fail($"{timedOut.Message}\n{await DescribeCallsAsync()}\n{peers()}");
        }
    }

    /// <summary>Waits for the one call of the journal (a test with one caller) and returns its key.</summary>
    public async Task<string> SingleCallAsync(TimeSpan timeout, Func<string> peers, CancellationToken cancellationToken)
    {
        await WaitAsync(async () => (await CallIdsAsync()).Count > 0, timeout, "the call arrives at its grain", peers, cancellationToken);
        var ids = await CallIdsAsync();
        Assert.True(ids.Count == 1, $"one call expected in the journal\n{await DescribeCallsAsync()}\n{peers()}");
        return ids[0];
    }

    /// <summary>Waits until the front end holds the SIP call <paramref name="sipCallId"/> and returns its call grain's key.</summary>
    public async Task<string> CallOfAsync(string sipCallId, TimeSpan timeout, Func<string> peers, CancellationToken cancellationToken)
    {
        await WaitAsync(() => Task.FromResult(Node.Calls.FindCallId(sipCallId) is not null), timeout, $"the front end holds SIP call {sipCallId}", peers, cancellationToken);
        return Node.Calls.FindCallId(sipCallId)!;
    }

    public ValueTask DisposeAsync() => Node.DisposeAsync();

    private async Task<List<JournalRecord>> ReadAllAsync()
    {
        var all = new List<JournalRecord>();
        for (long after = 0; ;)
        {
            var page = await Node.Journal.ReadAllAsync(after, 500);
            if (page.Count == 0)
            {
                return all;
            }
            all.AddRange(page);
            after = page[^1].Position;
        }
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }
}
