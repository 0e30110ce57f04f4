namespace ContactCenter.Benchmarks.Hubs;

/// <summary>Pairs what each observer saw with the changes made, change by change: a change the observer never showed
/// counts as lost (expected but not received).</summary>
internal static class LatencyPairing
{
    /// <summary>How far a page's clock (its time origin is read from the system clock once, at navigation) may lag the
    /// grains' and still count an observation as after a change.</summary>
    private const double ClockSlackMs = 50;

    /// <summary>Each client's first receipt of each change (matched on agent and displayed-since time); latency =
    /// received − event time.</summary>
    public static PairedLatencies Clients(IReadOnlyList<AgentChange> changes, IEnumerable<IReadOnlyList<HubReceipt>> clients)
    {
        var byKey = changes.ToDictionary(c => (c.AgentId, c.DisplayedSince.UtcTicks));
        var millis = new List<double>();
        var expected = 0;
        foreach (var receipts in clients)
        {
            expected += changes.Count;
            var seen = new HashSet<(string, long)>();
            foreach (var receipt in receipts)
            {
                var key = (receipt.AgentId, receipt.DisplayedSinceTicks);
                if (byKey.TryGetValue(key, out var change) && seen.Add(key))
                {
                    millis.Add(receipt.ReceivedMs - change.EventMs);
                }
            }
        }
        return new PairedLatencies([.. millis], expected, millis.Count);
    }

    /// <summary>Per page and agent, in order: each change pairs with the first later text change of that agent's row to
    /// the change's state (an agent's changes are far apart, so a row shows every one of them).</summary>
    public static PairedLatencies Rows(IReadOnlyList<AgentChange> changes, IEnumerable<DomChange[]> pages)
    {
        var millis = new List<double>();
        var expected = 0;
        foreach (var page in pages)
        {
            expected += changes.Count;
            var byAgent = page.GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.ToArray());
            foreach (var agentChanges in changes.GroupBy(c => c.AgentId))
            {
                var observed = byAgent.GetValueOrDefault(agentChanges.Key, []);
                var next = 0;
                foreach (var change in agentChanges)
                {
                    var state = change.State.ToString();
                    for (var i = next; i < observed.Length; i++)
                    {
                        if (observed[i].Text == state && observed[i].AtMs >= change.EventMs - ClockSlackMs)
                        {
                            millis.Add(observed[i].AtMs - change.EventMs);
                            next = i + 1;
                            break;
                        }
                    }
                }
            }
        }
        return new PairedLatencies([.. millis], expected, millis.Count);
    }

    /// <summary>The wallboard's "free" tile shows the site aggregate, which folds the journal in batches (it polls on a
    /// short timer), so several changes may show as one new value. Each value shown is matched to the first change after the
    /// previous match that leads to it; every change up to that one is then visible, and its latency is that render's
    /// time − its own event time. The free count walks down and up, so a value recurs around a turn: taking the first
    /// change that fits can only credit a change to a later render (overstating its latency), never to an earlier one.
    /// <paramref name="unexplained"/> counts values that match no change.</summary>
    public static PairedLatencies Tile(IReadOnlyList<AgentChange> changes, DomChange[] observed, out int unexplained)
    {
        unexplained = 0;
        var millis = new List<double>();
        var last = -1;
        // Renders before the first change belong to the warm-up.
        foreach (var render in observed.Where(r => changes.Count > 0 && r.AtMs >= changes[0].EventMs - ClockSlackMs))
        {
            if (!int.TryParse(render.Text, out var value))
            {
                unexplained++;
                continue;
            }
            var match = -1;
            for (var k = last + 1; k < changes.Count && changes[k].EventMs <= render.AtMs + ClockSlackMs; k++)
            {
                if (changes[k].FreeAfter == value)
                {
                    match = k;
                    break;
                }
            }
            if (match < 0)
            {
                unexplained++;
                continue;
            }
            for (var k = last + 1; k <= match; k++)
            {
                millis.Add(render.AtMs - changes[k].EventMs);
            }
            last = match;
        }
        return new PairedLatencies([.. millis], changes.Count, millis.Count);
    }
}
