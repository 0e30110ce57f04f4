using System.Collections.Immutable;
using System.Globalization;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Queues;

namespace ContactCenter.Grains.Calls;

public static partial class CallRules
{
    /// <summary>The prompts of a waiting caller's announcement (IVR-5), composed from the demo prompts' vocabulary:
    /// "You are caller number" + the position's digits + "in the queue.", "Your expected wait time is" + whole minutes
    /// (rounded up, at least one) + "minutes.", then the treatment's options prompt. Empty when the work no longer
    /// waits or the treatment announces nothing.</summary>
    public static ImmutableArray<string> WaitAnnouncement(QueueWait wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        if (wait.Position is not { } position)
        {
            return [];
        }
        var treatment = wait.Treatment;
        var prompts = ImmutableArray.CreateBuilder<string>();
        if (treatment.AnnouncePosition)
        {
            prompts.Add("you-are-number");
            prompts.AddRange(DigitPrompts(position));
            prompts.Add("in-the-queue");
        }
        if (treatment.AnnounceExpectedWait && wait.ExpectedWait is { } expected)
        {
            prompts.Add("your-wait-time-is");
            prompts.AddRange(DigitPrompts(Math.Max(1, (int)Math.Ceiling(expected.TotalMinutes))));
            prompts.Add("minutes");
        }
        if (treatment.OptionsPromptId is { } options)
        {
            prompts.Add(options);
        }
        return prompts.ToImmutable();
    }

    /// <summary>The waiting caller pressed the key of <paramref name="option"/>: the call leaves its queue and enters
    /// the option's tree (read at <paramref name="treeVersion"/>). A key that comes after the call stopped waiting in
    /// <paramref name="queueId"/> (an agent rings, it left) changes nothing.</summary>
    public static CallDecision ChoseWaitOption(CallState state, string queueId, QueueWaitOption option, long treeVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(option);
        if (state.Phase != CallPhase.Queued || state.QueueId != queueId)
        {
            return CallDecision.NoChange($"the call does not wait in queue {queueId}");
        }
        return CallDecision.Emit(
            new CallLeftQueue(now, queueId, new RoutingTarget(RoutingTargetKind.IvrTree, option.IvrTreeId), $"the caller pressed {option.Digit}"),
            new CallEnteredIvr(now, option.IvrTreeId, treeVersion));
    }

    /// <summary>The call is routed to an IVR tree (an overflow or closed-queue target): it walks the tree, read at
    /// <paramref name="treeVersion"/>, from its start.</summary>
    public static CallDecision EnterIvr(CallState state, string treeId, long treeVersion, DateTimeOffset now) =>
        CheckRoutable(state) ?? CallDecision.Emit(new CallEnteredIvr(now, treeId, treeVersion));

    private static IEnumerable<string> DigitPrompts(int number) =>
        number.ToString(CultureInfo.InvariantCulture).Select(digit => $"digit-{digit}");
}
