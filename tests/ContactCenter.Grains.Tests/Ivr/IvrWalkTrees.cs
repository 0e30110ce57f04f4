using System.Collections.Immutable;
using System.Globalization;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Grains.Tests.Ivr;

/// <summary>A family of different valid IVR trees for cluster tests, each walked to its end by a caller who presses
/// <c>1</c> at every menu: a welcome, then (varying with the tree's number) an announcement, hours open around the
/// clock, a caller branch, an attribute, a main menu, and one of six branches — a queue, a digit input then a queue, a
/// transfer to a number, a callback, a voicemail, or a lookup then a queue.</summary>
internal static class IvrWalkTrees
{
    /// <summary>How many branch kinds there are (tree <c>n</c> takes branch <c>n % Branches</c>).</summary>
    public const int Branches = 6;

    /// <summary>Tree <paramref name="n"/> with the id <paramref name="treeId"/>, queueing to
    /// <paramref name="queueId"/>.</summary>
    public static IvrTree Generate(int n, string treeId, string queueId)
    {
        var id = n.ToString("00", CultureInfo.InvariantCulture);
        var nodes = ImmutableArray.CreateBuilder<IvrNode>();
        var next = "main";
        if (n % 4 == 1)
        {
            nodes.Add(new IvrSetAttributeNode { Id = "tag", Key = "tree", Value = id, Next = next });
            next = "tag";
        }
        if (n % 5 == 0)
        {
            nodes.Add(new IvrCallerNode { Id = "vip", Rules = [new IvrCallerRule { Prefixes = ["+999"], Next = "bye" }], Default = next });
            next = "vip";
        }
        if (n % 2 == 0)
        {
            nodes.Add(new IvrHoursNode { Id = "hours", Holidays = [new() { Date = new(2030, 1, 1), Name = "New Year" }], Open = next,
                Closed = "bye" });
            next = "hours";
        }
        if (n % 3 == 0)
        {
            nodes.Add(new IvrAnnouncementNode { Id = "problem", AnnouncementId = $"problem-{id}", Next = next });
            next = "problem";
        }
        nodes.Add(new IvrPlayNode { Id = "welcome", Prompt = n % 2 == 0 ? Say($"Welcome to line {id}.") : File("welcome"), Next = next });
        nodes.Add(new IvrMenuNode
        {
            Id = "main",
            Prompt = Say($"Menu of tree {id}: press 1 to go on, 2 to leave."),
            Choices = [new("1", "branch"), new("2", "bye")],
            MaxRetries = n % 3,
            InvalidPrompt = n % 2 == 0 ? File("invalid-choice") : null,
            Fallback = n % 4 == 0 ? null : "bye",
        });
        var queued = true;
        switch (n % Branches)
        {
            case 0:
                nodes.Add(new IvrQueueNode { Id = "branch", QueueId = queueId, CallerBoost = n % 4, Prompt = n % 12 == 0 ? File("please-hold") : null });
                queued = false;
                break;
            case 1:
                nodes.Add(new IvrInputNode { Id = "branch", Prompt = Say("Enter your account number."), Attribute = "account", MinDigits = 3,
                    Next = "q", Fallback = "bye" });
                break;
            case 2:
                nodes.Add(new IvrTransferNode { Id = "branch", Number = $"+48225550{id}", Prompt = n % 4 == 0 ? File("transferring") : null,
                    Failed = "bye" });
                queued = false;
                break;
            case 3:
                nodes.Add(new IvrCallbackNode { Id = "branch", Prompt = File("callback-offer"), QueueId = queueId,
                    TimePrompt = n % 2 == 0 ? Say("When shall we call?") : null, Accepted = "bye", Declined = "bye" });
                queued = false;
                break;
            case 4:
                nodes.Add(new IvrVoicemailNode { Id = "branch", Prompt = File("leave-message"), MailboxId = queueId });
                queued = false;
                break;
            default:
                nodes.Add(new IvrHttpLookupNode { Id = "branch", Url = $"http://lookup.test/{id}?caller={{caller}}", ResultPath = "/ok",
                    Branches = [new("true", "q")], Default = "bye", Error = "bye" });
                break;
        }
        if (queued)
        {
            nodes.Add(new IvrQueueNode { Id = "q", QueueId = queueId, CallerBoost = 1 });
        }
        nodes.Add(new IvrHangupNode { Id = "bye", Prompt = n % 2 == 1 ? File("goodbye") : null });
        return new IvrTree
        {
            Id = treeId,
            Name = $"Walk tree {id}",
            Language = n % 3 == 1 ? "pl" : "en",
            TimeZoneId = n % 2 == 0 ? "Europe/Warsaw" : "UTC",
            StartNodeId = "welcome",
            Nodes = nodes.ToImmutable(),
        };
    }

    /// <summary>How a walk of tree <paramref name="n"/> ends: waiting in its queue, forwarded, or completed in the IVR.</summary>
    public static (CallPhase Phase, CallEndReason? Reason) Outcome(int n) => (n % Branches) switch
    {
        0 or 1 or 5 => (CallPhase.Queued, null),
        2 => (CallPhase.Ended, CallEndReason.Forwarded),
        _ => (CallPhase.Ended, CallEndReason.Completed),
    };

    private static IvrPrompt File(string id) => new() { PromptId = id };

    private static IvrPrompt Say(string text) => new() { Text = text };
}
