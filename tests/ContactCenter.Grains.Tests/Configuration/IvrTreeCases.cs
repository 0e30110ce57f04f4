using System.Collections.Immutable;
using System.Globalization;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Contacts;
using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Grains.Tests.Configuration;

/// <summary>IVR trees for the validation tests: one demo tree using every node kind, and a family of different valid
/// trees (IVR-1 wants thirty side by side).</summary>
internal static class IvrTreeCases
{
    // Declared before Demo: static initialisers run in text order.
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static IvrPrompt File(string id) => new() { PromptId = id };

    public static IvrPrompt Say(string text) => new() { Text = text };

    public static readonly IvrTree Demo = new()
    {
        Id = "demo-full",
        Name = "Every node kind",
        Description = "Exercises each node kind once",
        Language = "en",
        TimeZoneId = "Europe/Warsaw",
        StartNodeId = "welcome",
        Nodes =
        [
            new IvrPlayNode { Id = "welcome", Prompt = File("welcome"), Next = "problem" },
            new IvrAnnouncementNode { Id = "problem", AnnouncementId = "general-problem", Next = "vip" },
            new IvrCallerNode
            {
                Id = "vip",
                Rules =
                [
                    new IvrCallerRule { Status = ContactStatus.Vip, Next = "vip-queue" },
                    new IvrCallerRule { Numbers = ["+48600100200"], Prefixes = ["+4822"], Next = "agent" },
                ],
                Default = "hours",
            },
            new IvrHoursNode
            {
                Id = "hours",
                BusinessHours = [.. Weekdays.Select(d => new WeekdayHours(d, new(new(8, 0), new(12, 0)))),
                    .. Weekdays.Select(d => new WeekdayHours(d, new(new(13, 0), new(18, 0))))],
                Holidays = [new Holiday { Date = new(2026, 12, 24), OpenHours = [new(new(8, 0), new(12, 0))] },
                    new Holiday { Date = new(2026, 12, 25), Name = "Christmas" }],
                Open = "main",
                Closed = "closed",
                Holiday = "holiday",
            },
            new IvrMenuNode
            {
                Id = "main",
                Prompt = File("main-menu"),
                Choices = [new("1", "sales-attr"), new("2", "support-attr"), new("3", "card-input"), new("9", "callback"),
                    new("0", "operator"), new("*", "main")],
                InvalidPrompt = File("invalid-choice"),
                Fallback = "goodbye",
            },
            new IvrSetAttributeNode { Id = "sales-attr", Key = "problem", Value = "sales", Next = "sales" },
            new IvrQueueNode { Id = "sales", QueueId = "sales", Prompt = File("please-hold") },
            new IvrSetAttributeNode { Id = "support-attr", Key = "problem", Value = "support", Next = "support" },
            new IvrQueueNode { Id = "support", QueueId = "support", CallerBoost = 5, RequiredSkills = [new("english", 3)] },
            new IvrInputNode { Id = "card-input", Prompt = Say("Enter your card number, then press hash."), Attribute = "card",
                MinDigits = 4, Next = "card-check", Fallback = "main" },
            new IvrHttpLookupNode
            {
                Id = "card-check",
                Url = "https://cards.example.com/check?number={attr:card}&caller={caller}",
                ResultPath = "/card/status",
                SaveAs = "cardStatus",
                Branches = [new("valid", "support-attr"), new("blocked", "card-blocked")],
                Default = "support-attr",
                Error = "operator",
            },
            new IvrPlayNode { Id = "card-blocked", Prompt = Say("Your card is blocked."), Next = "main" },
            new IvrCallbackNode { Id = "callback", Prompt = File("callback-offer"),
                TimePrompt = Say("Enter the time to call you back as four digits."), QueueId = "sales", Accepted = "goodbye",
                Declined = "main" },
            new IvrTransferNode { Id = "operator", Number = "+48225550100", Failed = "voicemail" },
            new IvrTransferNode { Id = "agent", AgentId = "jan.kowalski", Prompt = File("please-hold"), Failed = "main" },
            new IvrQueueNode { Id = "vip-queue", QueueId = "sales", CallerBoost = 50 },
            new IvrOutOfHoursNode { Id = "closed", Prompt = File("out-of-hours"), Next = "voicemail" },
            new IvrOutOfHoursNode { Id = "holiday", Prompt = Say("We are closed for the holiday.") },
            new IvrVoicemailNode { Id = "voicemail", Prompt = File("leave-message"), MailboxId = "support",
                MaxDuration = TimeSpan.FromMinutes(3), Next = "goodbye" },
            new IvrHangupNode { Id = "goodbye", Prompt = File("goodbye") },
        ],
    };

    /// <summary>The path of the node <paramref name="id"/> in <see cref="Demo"/>, e.g. <c>nodes[4]</c>.</summary>
    public static string At(string id) => $"nodes[{Index(Demo, id)}]";

    public static int Index(IvrTree tree, string id)
    {
        for (var i = 0; i < tree.Nodes.Length; i++)
        {
            if (tree.Nodes[i].Id == id)
            {
                return i;
            }
        }
        throw new ArgumentException($"no node {id} in {tree.Id}", nameof(id));
    }

    /// <summary><see cref="Demo"/> with node <paramref name="id"/> (of type <typeparamref name="T"/>) changed.</summary>
    public static IvrTree Change<T>(string id, Func<T, IvrNode> change)
        where T : IvrNode =>
        Demo with { Nodes = Demo.Nodes.SetItem(Index(Demo, id), change((T)Demo.Nodes[Index(Demo, id)])) };

    /// <summary>Tree number <paramref name="n"/> of a family of different valid trees: the shape (menu width and depth,
    /// hours, announcement, caller branch, lookup, language) varies with <paramref name="n"/>.</summary>
    public static IvrTree Generated(int n)
    {
        var nodes = ImmutableArray.CreateBuilder<IvrNode>();
        var id = n.ToString("00", CultureInfo.InvariantCulture);
        var next = "main";
        if (n % 3 == 0)
        {
            nodes.Add(new IvrAnnouncementNode { Id = "problem", AnnouncementId = $"problem-{id}", Next = next });
            next = "problem";
        }
        if (n % 2 == 0)
        {
            nodes.Add(new IvrHoursNode { Id = "hours", TimeZoneId = n % 4 == 0 ? "America/New_York" : null,
                BusinessHours = [new(DayOfWeek.Monday, new(new(9, 0), new(17, 0 + (n % 2))))], Open = next, Closed = "closed" });
            nodes.Add(new IvrOutOfHoursNode { Id = "closed", Prompt = Say($"Tree {id} is closed.") });
            next = "hours";
        }
        if (n % 5 == 0)
        {
            nodes.Add(new IvrCallerNode { Id = "vip", Rules = [new IvrCallerRule { Status = ContactStatus.Vip, Next = "q0" }],
                Default = next });
            next = "vip";
        }
        nodes.Insert(0, new IvrPlayNode { Id = "welcome", Prompt = Say($"Welcome to line {id}."), Next = next });

        var width = 1 + (n % 9);
        var depth = 1 + (n % 3);
        for (var level = 0; level < depth; level++)
        {
            var menu = level == 0 ? "main" : $"menu{level}";
            var choices = ImmutableArray.CreateBuilder<IvrMenuChoice>();
            for (var k = 0; k < width; k++)
            {
                choices.Add(new((k + 1).ToString(CultureInfo.InvariantCulture), $"set{level}-{k}"));
                nodes.Add(new IvrSetAttributeNode { Id = $"set{level}-{k}", Key = "choice", Value = $"{level}.{k}",
                    Next = $"q{k}" });
            }
            if (level + 1 < depth)
            {
                choices.Add(new("0", $"menu{level + 1}"));
            }
            if (level > 0)
            {
                choices.Add(new("*", "main"));
            }
            if (n % 4 == 1 && level == 0)
            {
                choices.Add(new("#", "lookup"));
                nodes.Add(new IvrHttpLookupNode { Id = "lookup", Method = IvrHttpMethod.Post,
                    Url = $"http://localhost:8080/lookup/{id}", Body = "{\"caller\":\"{caller}\"}", Branches = [new("true", "q0")],
                    Default = "main", Error = "bye" });
            }
            nodes.Add(new IvrMenuNode { Id = menu, Prompt = Say($"Menu {level} of tree {id}."), Choices = choices.ToImmutable(),
                MaxRetries = n % 4, Timeout = TimeSpan.FromSeconds(3 + (n % 5)), Fallback = "bye" });
        }
        for (var k = 0; k < width; k++)
        {
            nodes.Add(new IvrQueueNode { Id = $"q{k}", QueueId = $"queue-{id}-{k}", CallerBoost = k });
        }
        nodes.Add(new IvrHangupNode { Id = "bye", Prompt = n % 2 == 0 ? File("goodbye") : null });
        return new IvrTree
        {
            Id = $"tree-{id}",
            Name = $"Generated tree {id}",
            Language = n % 3 == 1 ? "pl" : "en",
            StartNodeId = "welcome",
            Nodes = nodes.ToImmutable(),
        };
    }
}
