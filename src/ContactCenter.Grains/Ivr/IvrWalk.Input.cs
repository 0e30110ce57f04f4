using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Grains.Ivr;

internal sealed partial class IvrWalk
{
    /// <summary>The call at <paramref name="position"/> gets <paramref name="input"/>.</summary>
    public IvrStep Continue(IvrPosition position, IvrInput input)
    {
        if (!_nodes.TryGetValue(position.NodeId, out var node))
        {
            return Finish(HangUp(position.NodeId, $"node {position.NodeId} is not in tree {tree.Id} version {tree.Version}"));
        }
        return (input, position.Stage) switch
        {
            (IvrPlaybackFinished p, IvrStage.Prompt) when p.PlaybackId == position.AwaitedId => AfterPrompt(node),
            (IvrPlaybackFinished p, IvrStage.Invalid) when p.PlaybackId == position.AwaitedId =>
                Finish(WalkFrom(node.Id, position.Retries)),
            (IvrDigitsCollected d, IvrStage.Digits) when d.CollectionId == position.AwaitedId => Digits(node, position, d),
            (IvrDigitsCollected d, IvrStage.CallbackTime) when d.CollectionId == position.AwaitedId && node is IvrCallbackNode callback =>
                CallbackTime(callback, d),
            (IvrLookupAnswered answer, IvrStage.Lookup) when node is IvrHttpLookupNode lookup => Answered(lookup, answer),
            (IvrLookupFailed failed, IvrStage.Lookup) when node is IvrHttpLookupNode lookup => Failed(lookup, failed.Reason),
            (IvrAnnouncementChecked check, IvrStage.Announcement) when node is IvrAnnouncementNode announcement =>
                Announcement(announcement, check.PromptId),
            (IvrTransferFailed failed, IvrStage.Transfer) when node is IvrTransferNode transfer => TransferFailed(transfer, failed.Reason),
            (IvrVoicemailRecorded recorded, IvrStage.Recording) when recorded.RecordingId == position.AwaitedId
                && node is IvrVoicemailNode voicemail => Recorded(voicemail, recorded),
            _ => IvrStep.Ignore(position),
        };
    }

    private IvrStep AfterPrompt(IvrNode node)
    {
        var (position, next) = Act(node);
        return Finish(next is null ? position : WalkFrom(next, retries: 0));
    }

    private IvrStep Digits(IvrNode node, IvrPosition position, IvrDigitsCollected collected)
    {
        if (collected.Digits.Length > 0)
        {
            // A key pressed during the prompt interrupts it.
            _actions.Add(new IvrStopPlayback());
        }
        switch (node)
        {
            case IvrMenuNode menu:
                var key = collected.Digits.Length > 0 ? collected.Digits[..1] : "";
                var choice = menu.Choices.IsDefault ? null : menu.Choices.FirstOrDefault(c => c.Digit == key);
                if (choice is not null)
                {
                    Trace(menu, $"key {key} chosen");
                    return Finish(WalkFrom(choice.Next, retries: 0));
                }
                return Retry(menu, position, key.Length == 0 ? "no key" : $"invalid key {key}", menu.MaxRetries, menu.InvalidPrompt, menu.Fallback);
            case IvrInputNode input:
                var digits = input.Terminator is { Length: > 0 } terminator && collected.Digits.EndsWith(terminator, StringComparison.Ordinal)
                    ? collected.Digits[..^terminator.Length]
                    : collected.Digits;
                if (digits.Length >= input.MinDigits && digits.Length <= input.MaxDigits && digits.All(char.IsAsciiDigit))
                {
                    SetAttribute(input.Attribute, digits);
                    Trace(input, $"entered {digits.Length} digits into {input.Attribute}");
                    return Finish(WalkFrom(input.Next, retries: 0));
                }
                return Retry(input, position, digits.Length == 0 ? "no digits" : $"{digits.Length} digits, {input.MinDigits} needed",
                    input.MaxRetries, null, input.Fallback);
            case IvrCallbackNode callback when collected.Digits.StartsWith(callback.AcceptDigit, StringComparison.Ordinal):
                if (callback.TimePrompt is { } timePrompt)
                {
                    return Finish(PlayAndCollect(callback, timePrompt, new DigitCollection(4, callback.Timeout, "#"), 0,
                        "callback accepted; asks for a time", IvrStage.CallbackTime, callback.AcceptDigit));
                }
                return Finish(SaveCallback(callback, null, "callback accepted as soon as possible"));
            case IvrCallbackNode callback:
                Trace(callback, collected.Digits.Length == 0 ? "callback declined (no key)" : $"callback declined (key {collected.Digits[..1]})");
                return Finish(WalkFrom(callback.Declined, retries: 0));
            default:
                return IvrStep.Ignore(position);
        }
    }

    /// <summary>A failed attempt at a menu or input: the invalid prompt (if any) and the node again, or, past the last
    /// retry, the fallback (or a hang-up).</summary>
    private IvrStep Retry(IvrNode node, IvrPosition position, string why, int maxRetries, IvrPrompt? invalidPrompt, string? fallback)
    {
        var attempts = position.Retries + 1;
        if (attempts > maxRetries)
        {
            Trace(node, $"{why}; no retries left");
            return Finish(fallback is { } next ? WalkFrom(next, retries: 0) : HangUp(node.Id, "no valid entry"));
        }
        if (invalidPrompt is { } prompt)
        {
            var id = NextId();
            _actions.Add(new IvrPlay(Playback(prompt, id)));
            Trace(node, $"{why}; retry {attempts} of {maxRetries} after {Describe(prompt)}");
            return Finish(Wait(node, IvrStage.Invalid, attempts));
        }
        Trace(node, $"{why}; retry {attempts} of {maxRetries}");
        return Finish(WalkFrom(node.Id, attempts));
    }

    private IvrStep CallbackTime(IvrCallbackNode callback, IvrDigitsCollected collected)
    {
        if (collected.Digits.Length > 0)
        {
            _actions.Add(new IvrStopPlayback());
        }
        var digits = collected.Digits.TrimEnd('#');
        return PreferredTime(digits) is { } at
            ? Finish(SaveCallback(callback, at, $"callback accepted for {digits[..2]}:{digits[2..]}"))
            : Finish(SaveCallback(callback, null, "callback accepted as soon as possible (no valid time)"));
    }

    private IvrPosition? SaveCallback(IvrCallbackNode callback, DateTimeOffset? at, string description)
    {
        _actions.Add(new IvrSaveCallback(new IvrCallbackRequest(context.CallId, callback.QueueId, context.CallerNumber ?? "", at)));
        Trace(callback, description);
        return WalkFrom(callback.Accepted, retries: 0);
    }

    /// <summary>The next instant at <c>HHMM</c> in the tree's zone (today, or tomorrow when that passed); null when the
    /// digits are not a time.</summary>
    private DateTimeOffset? PreferredTime(string digits)
    {
        if (digits.Length != 4 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }
        var (hour, minute) = (((digits[0] - '0') * 10) + (digits[1] - '0'), ((digits[2] - '0') * 10) + (digits[3] - '0'));
        if (hour > 23 || minute > 59)
        {
            return null;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tree.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, zone).DateTime);
        foreach (var day in (ReadOnlySpan<DateOnly>)[today, today.AddDays(1)])
        {
            var local = day.ToDateTime(new TimeOnly(hour, minute));
            var at = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (at > context.Now)
            {
                return at;
            }
        }
        return null;
    }

    private IvrStep Announcement(IvrAnnouncementNode announcement, string? promptId)
    {
        if (promptId is null)
        {
            Trace(announcement, $"announcement {announcement.AnnouncementId} inactive");
            return Finish(WalkFrom(announcement.Next, retries: 0));
        }
        var id = NextId();
        _actions.Add(new IvrPlay(new MediaPlayback([promptId], PlaybackId: id, Language: tree.Language)));
        Trace(announcement, $"plays announcement {announcement.AnnouncementId} (prompt {promptId})");
        return Finish(Wait(announcement, IvrStage.Prompt));
    }

    private IvrStep TransferFailed(IvrTransferNode transfer, string reason)
    {
        Trace(transfer, $"transfer failed: {reason}");
        return Finish(transfer.Failed is { } next ? WalkFrom(next, retries: 0) : HangUp(transfer.Id, "transfer failed"));
    }

    private IvrStep Recorded(IvrVoicemailNode voicemail, IvrVoicemailRecorded recorded)
    {
        _actions.Add(new IvrSaveVoicemail(new IvrVoicemailMessage(context.CallId, voicemail.MailboxId, context.CallerNumber ?? "",
            context.Now, recorded.Duration, recorded.Location)));
        Trace(voicemail, $"voicemail of {recorded.Duration.TotalSeconds:0} s left for {voicemail.MailboxId}");
        return Finish(voicemail.Next is { } next ? WalkFrom(next, retries: 0) : HangUp(voicemail.Id, "voicemail left"));
    }
}
