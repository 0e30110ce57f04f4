using System.Collections.Immutable;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Contacts;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Grains.Scheduling;

namespace ContactCenter.Grains.Ivr;

/// <summary>One step of <see cref="IvrMachine"/>: collects the actions and the trace while it enters nodes, then
/// yields the <see cref="IvrStep"/>. Entering nodes (this file), answering inputs (<c>IvrWalk.Input.cs</c>) and the
/// lookup's templates and answers (<c>IvrWalk.Lookup.cs</c>).</summary>
internal sealed partial class IvrWalk(IvrTree tree, IvrContext context, long step)
{
    private readonly Dictionary<string, IvrNode> _nodes = tree.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
    private readonly List<IvrAction> _actions = [];
    private readonly List<IvrTrace> _trace = [];
    private ImmutableDictionary<string, string> _attributes = context.Attributes;
    private long _step = step;

    /// <summary>The call enters at the start node.</summary>
    public IvrStep Enter()
    {
        _trace.Add(new IvrTrace(tree.StartNodeId, $"entered tree {tree.Id} version {tree.Version}"));
        return Finish(WalkFrom(tree.StartNodeId, retries: 0));
    }

    private IvrStep Finish(IvrPosition? position) => new(position, [.. _actions], [.. _trace]);

    /// <summary>Enters <paramref name="nodeId"/> and the nodes after it that need no wait, up to the node the call
    /// waits at (its position), or out of the IVR (null).</summary>
    private IvrPosition? WalkFrom(string nodeId, int retries)
    {
        var next = nodeId;
        // Validation guarantees every loop waits for the caller; the bound turns a broken tree into a hang-up, not a hang.
        for (var hops = 0; hops <= _nodes.Count; hops++)
        {
            if (!_nodes.TryGetValue(next, out var node))
            {
                return HangUp(next, $"node {next} is not in tree {tree.Id} version {tree.Version}");
            }
            var (position, successor) = EnterNode(node, retries);
            if (successor is null)
            {
                return position;
            }
            next = successor;
            retries = 0;
        }
        return HangUp(next, "the tree loops without waiting for the caller");
    }

    /// <summary>Enters one node: the position it waits at, or the successor to enter next (both null: the call left).
    /// </summary>
    private (IvrPosition? Position, string? Next) EnterNode(IvrNode node, int retries)
    {
        switch (node)
        {
            case IvrPlayNode play:
                return (PlayPrompt(play, play.Prompt, "plays"), null);
            case IvrMenuNode menu:
                return (PlayAndCollect(menu, menu.Prompt, new DigitCollection(1, menu.Timeout), retries,
                    retries == 0 ? "menu" : $"menu, attempt {retries + 1}"), null);
            case IvrInputNode input:
                return (PlayAndCollect(input, input.Prompt,
                    new DigitCollection(input.MaxDigits, input.Timeout, input.Terminator is { Length: > 0 } t ? t : null), retries,
                    retries == 0 ? $"asks for {input.Attribute}" : $"asks for {input.Attribute}, attempt {retries + 1}"), null);
            case IvrCallbackNode callback:
                return (PlayAndCollect(callback, callback.Prompt, new DigitCollection(1, callback.Timeout), 0, "offers a callback"), null);
            case IvrHoursNode hours:
                return (null, Hours(hours));
            case IvrCallerNode caller:
                return (null, Caller(caller));
            case IvrSetAttributeNode set:
                SetAttribute(set.Key, set.Value);
                Trace(set, $"set {set.Key} = {set.Value}");
                return (null, set.Next);
            case IvrAnnouncementNode announcement:
                _actions.Add(new IvrCheckAnnouncement(announcement.AnnouncementId));
                Trace(announcement, $"checks announcement {announcement.AnnouncementId}");
                return (Wait(announcement, IvrStage.Announcement), null);
            case IvrHttpLookupNode lookup:
                _actions.Add(new IvrLookup(Request(lookup)));
                Trace(lookup, $"looks up {lookup.Method.ToString().ToUpperInvariant()} {lookup.Url}");
                return (Wait(lookup, IvrStage.Lookup), null);
            case IvrQueueNode { Prompt: { } prompt } queue:
                return (PlayPrompt(queue, prompt, "plays before queueing"), null);
            case IvrTransferNode { Prompt: { } prompt } transfer:
                return (PlayPrompt(transfer, prompt, "plays before the transfer"), null);
            case IvrHangupNode { Prompt: { } prompt } hangup:
                return (PlayPrompt(hangup, prompt, "plays before hanging up"), null);
            case IvrOutOfHoursNode outOfHours:
                return (PlayPrompt(outOfHours, outOfHours.Prompt, "plays the out-of-hours message"), null);
            case IvrVoicemailNode voicemail:
                return (PlayPrompt(voicemail, voicemail.Prompt, $"plays before voicemail for {voicemail.MailboxId}"), null);
            default:
                return Act(node);
        }
    }

    /// <summary>What a node does once its prompt (if any) ended: leave the IVR, record, or go on.</summary>
    private (IvrPosition? Position, string? Next) Act(IvrNode node)
    {
        switch (node)
        {
            case IvrQueueNode queue:
                _actions.Add(new IvrRoute(queue.QueueId, queue.CallerBoost, queue.RequiredSkills.IsDefault ? [] : queue.RequiredSkills));
                Trace(queue, $"queued to {queue.QueueId} with boost {queue.CallerBoost}");
                return (null, null);
            case IvrTransferNode transfer:
                _actions.Add(new IvrTransfer(transfer.Number, transfer.AgentId));
                Trace(transfer, transfer.Number is { } number ? $"transfers to number {number}" : $"transfers to agent {transfer.AgentId}");
                return (Wait(transfer, IvrStage.Transfer), null);
            case IvrHangupNode hangup:
                return (HangUp(hangup.Id, "hang-up node"), null);
            case IvrOutOfHoursNode { Next: { } next }:
                return (null, next);
            case IvrOutOfHoursNode outOfHours:
                return (HangUp(outOfHours.Id, "out of hours"), null);
            case IvrVoicemailNode voicemail:
                var id = NextId();
                _actions.Add(new IvrRecordVoicemail(new VoicemailRecording(voicemail.MailboxId, voicemail.MaxDuration, id)));
                Trace(voicemail, $"records voicemail for {voicemail.MailboxId}");
                return (Wait(voicemail, IvrStage.Recording), null);
            case IvrPlayNode play:
                return (null, play.Next);
            case IvrAnnouncementNode announcement:
                return (null, announcement.Next);
            default:
                throw new InvalidOperationException($"IVR node {node.Id} ({node.GetType().Name}) has no action after its prompt");
        }
    }

    private string? Hours(IvrHoursNode hours)
    {
        // The node's schedule means what a queue's does, so the queues' calendar evaluates it (DST, holidays).
        var schedule = new Queue
        {
            Id = hours.Id,
            Name = hours.Id,
            TimeZoneId = hours.TimeZoneId ?? tree.TimeZoneId,
            BusinessHours = hours.BusinessHours,
            Holidays = hours.Holidays,
        };
        var state = BusinessCalendar.Evaluate(schedule, context.Now);
        var at = $"{state.LocalTime:yyyy-MM-dd HH:mm} {schedule.TimeZoneId}";
        if (state.IsOpen)
        {
            Trace(hours, $"open at {at}");
            return hours.Open;
        }
        if (state.HolidayName is { } holiday)
        {
            Trace(hours, $"closed for holiday {holiday} at {at}");
            return hours.Holiday ?? hours.Closed;
        }
        Trace(hours, $"closed at {at}");
        return hours.Closed;
    }

    private string Caller(IvrCallerNode caller)
    {
        if (PhoneNumber.Normalize(context.CallerNumber) is not { } number)
        {
            Trace(caller, "anonymous caller");
            return caller.Default;
        }
        var rules = caller.Rules.IsDefault ? [] : caller.Rules;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            var matches = (!rule.Numbers.IsDefault && rule.Numbers.Contains(number, StringComparer.Ordinal))
                || (!rule.Prefixes.IsDefault && rule.Prefixes.Any(p => number.StartsWith(p, StringComparison.Ordinal)))
                || (rule.Status is { } status && context.ContactStatuses.Contains(status));
            if (matches)
            {
                Trace(caller, $"caller {number} matches rule {i + 1}");
                return rule.Next;
            }
        }
        Trace(caller, $"caller {number} matches no rule");
        return caller.Default;
    }

    private IvrPosition PlayPrompt(IvrNode node, IvrPrompt prompt, string what)
    {
        var id = NextId();
        _actions.Add(new IvrPlay(Playback(prompt, id)));
        Trace(node, $"{what} {Describe(prompt)}");
        return Wait(node, IvrStage.Prompt);
    }

    private IvrPosition PlayAndCollect(IvrNode node, IvrPrompt prompt, DigitCollection collection, int retries, string what,
        IvrStage stage = IvrStage.Digits, string digits = "")
    {
        var id = NextId();
        _actions.Add(new IvrPlay(Playback(prompt, id)));
        _actions.Add(new IvrCollect(collection with { CollectionId = id }));
        Trace(node, $"{what}: {Describe(prompt)}");
        return Wait(node, stage, retries, digits);
    }

    private MediaPlayback Playback(IvrPrompt prompt, string id) =>
        new([prompt.ToPromptId(tree.Language)], PlaybackId: id, Language: tree.Language);

    private static string Describe(IvrPrompt prompt) => prompt.PromptId is { } id ? $"prompt {id}" : $"\"{prompt.Text}\"";

    private IvrPosition Wait(IvrNode node, IvrStage stage, int retries = 0, string digits = "") =>
        new(node.Id, stage, retries, digits, _step);

    private IvrPosition? HangUp(string nodeId, string detail)
    {
        _actions.Add(new IvrHangUp(detail));
        _trace.Add(new IvrTrace(nodeId, $"hangs up ({detail})"));
        return null;
    }

    private void SetAttribute(string key, string value)
    {
        _actions.Add(new IvrSetAttribute(key, value));
        _attributes = _attributes.SetItem(key, value);
    }

    private string NextId() => $"ivr-{++_step}";

    private void Trace(IvrNode node, string description) => _trace.Add(new IvrTrace(node.Id, description));
}
