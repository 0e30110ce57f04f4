using System.Text.Json;
using System.Text.Json.Nodes;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Contacts;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Grains.Tests.Routing;
using FsCheck;
using FsCheck.Fluent;
using static ContactCenter.Grains.Tests.Configuration.IvrTreeCases;

namespace ContactCenter.Grains.Tests.Configuration;

public sealed class IvrTreeValidationTests
{
    private static string Json(IvrTree tree) => JsonSerializer.Serialize(tree, IvrJsonContext.Default.IvrTree);

    private static IvrTree Parse(string json) =>
        JsonSerializer.Deserialize(json, IvrJsonContext.Default.IvrTree) ?? throw new InvalidOperationException("null tree");

    [Fact]
    public void Demo_tree_uses_every_node_kind_and_is_valid()
    {
        var kinds = Demo.Nodes.Select(n => n.GetType()).ToHashSet();
        var all = typeof(IvrNode).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(IvrNode)) && !t.IsAbstract);

        Assert.Equal(all.OrderBy(t => t.Name), kinds.OrderBy(t => t.Name));
        var errors = DocumentValidator.Validate(Demo);
        Assert.True(errors.IsValid, errors.ToString());
    }

    [Fact]
    public void Demo_tree_round_trips_through_json()
    {
        var json = Json(Demo);
        var back = Parse(json);

        Assert.Equal(json, Json(back));
        Assert.True(DocumentValidator.Validate(back).IsValid, DocumentValidator.Validate(back).ToString());
        Assert.Contains("\"kind\":\"httpLookup\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Vip\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind_may_stand_anywhere_in_a_node()
    {
        var document = JsonNode.Parse(Json(Demo))!;
        var menu = document["nodes"]![Index(Demo, "main")]!.AsObject();
        menu.Remove("kind");
        menu.Add("kind", "menu");
        var json = document.ToJsonString();

        var tree = Parse(json);

        Assert.EndsWith("\"kind\":\"menu\"}", menu.ToJsonString(), StringComparison.Ordinal);
        Assert.IsType<IvrMenuNode>(tree.Nodes[Index(Demo, "main")]);
        Assert.Equal(Json(Demo), Json(tree));
    }

    [Fact]
    public void Members_missing_from_json_are_zero_and_validation_names_the_meaningless_ones()
    {
        var tree = Parse("""
            { "id": "t", "name": "T", "startNodeId": "m",
              "nodes": [ { "kind": "menu", "id": "m", "prompt": { "promptId": "main-menu" }, "choices": [ { "digit": "1", "next": "q" } ] },
                         { "kind": "queue", "id": "q", "queueId": "sales" } ] }
            """);

        var errors = DocumentValidator.Validate(tree);

        Assert.Equal(["language", "nodes[0].timeout", "timeZoneId"], errors.Errors.Keys);
    }

    // The path of a node appended to the demo tree.
    private static readonly string Added = $"nodes[{Demo.Nodes.Length}]";

    public static TheoryData<string, string[]> InvalidCases => new()
    {
        { "bad id", ["id"] },
        { "bad language", ["language"] },
        { "bad time zone", ["timeZoneId"] },
        { "unknown start", ["startNodeId"] },
        { "no nodes", ["nodes"] },
        { "too many nodes", ["nodes"] },
        { "menu digit A", [$"{At("main")}.choices[1].digit"] },
        { "menu digit twice", [$"{At("main")}.choices[1].digit"] },
        { "dangling choice", [$"{At("main")}.choices[5].next"] },
        { "menu timeout zero", [$"{At("main")}.timeout"] },
        { "menu timeout 61 s", [$"{At("main")}.timeout"] },
        { "menu retries 11", [$"{At("main")}.maxRetries"] },
        { "prompt both", [$"{At("welcome")}.prompt"] },
        { "prompt neither", [$"{At("welcome")}.prompt"] },
        { "prompt text too long", [$"{At("welcome")}.prompt.text"] },
        { "prompt id with space", [$"{At("welcome")}.prompt.promptId"] },
        { "missing next", [$"{At("card-blocked")}.next"] },
        { "duplicate node id", [Added, $"{Added}.id"] },
        { "unreachable node", [Added] },
        { "silent loop", [At("card-blocked"), Added] },
        { "self loop", [Added] },
        { "brace in url", [$"{At("card-check")}.url"] },
        { "body not json", [$"{At("card-check")}.body"] },
        { "ftp url", [$"{At("card-check")}.url"] },
        { "unknown placeholder", [$"{At("card-check")}.url"] },
        { "unbalanced brace", [$"{At("card-check")}.url"] },
        { "body with GET", [$"{At("card-check")}.body"] },
        { "bad pointer", [$"{At("card-check")}.resultPath"] },
        { "lookup timeout 11 s", [$"{At("card-check")}.timeout"] },
        { "duplicate branch", [$"{At("card-check")}.branches[1].value"] },
        { "dangling error node", [$"{At("card-check")}.error"] },
        { "formatted number", [$"{At("operator")}.number"] },
        { "number and agent", [$"{At("operator")}.agentId"] },
        { "neither number nor agent", [$"{At("operator")}.number"] },
        { "unnormalised caller number", [$"{At("vip")}.rules[1].numbers[0]"] },
        { "bad prefix", [$"{At("vip")}.rules[1].prefixes[0]"] },
        { "rule without criteria", [$"{At("vip")}.rules[1]"] },
        { "unknown status", [$"{At("vip")}.rules[0].status"] },
        { "overlapping hours", [$"{At("hours")}.businessHours[5].hours"] },
        { "duplicate holiday", [$"{At("hours")}.holidays[1]"] },
        { "null holiday", [$"{At("hours")}.holidays[0]"] },
        { "hours time zone", [$"{At("hours")}.timeZoneId"] },
        { "voicemail 11 min", [$"{At("voicemail")}.maxDuration"] },
        { "callback two digits", [$"{At("callback")}.acceptDigit"] },
        { "boost 101", [$"{At("sales")}.callerBoost"] },
        { "skill level 11", [$"{At("support")}.requiredSkills[0].minimumLevel"] },
        { "attribute key with space", [$"{At("sales-attr")}.key"] },
        { "input min above max", [$"{At("card-input")}.minDigits"] },
        { "input terminator 5", [$"{At("card-input")}.terminator"] },
        { "announcement id", [$"{At("problem")}.announcementId"] },
        { "out of hours without prompt", [$"{At("closed")}.prompt"] },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_trees_name_the_field(string change, string[] fields)
    {
        var tree = Invalid(change);

        var errors = DocumentValidator.Validate(tree);

        Assert.True(fields.Order(StringComparer.Ordinal).SequenceEqual(errors.Errors.Keys),
            $"{change}: expected errors on {string.Join(", ", fields)}, got: {errors}");
    }

    [Fact]
    public void A_silent_loop_is_named_in_the_message()
    {
        var errors = DocumentValidator.Validate(Invalid("silent loop"));

        Assert.Equal("is on a loop that never waits for the caller: card-blocked → blocked-2 → card-blocked",
            Assert.Single(errors.Errors[At("card-blocked")]));
    }

    [Fact]
    public void Thirty_generated_trees_are_valid_different_and_round_trip()
    {
        var trees = Enumerable.Range(1, 30).Select(Generated).ToList();

        foreach (var tree in trees)
        {
            var errors = DocumentValidator.Validate(tree);
            Assert.True(errors.IsValid, $"{tree.Id}: {errors}");
            Assert.Equal(Json(tree), Json(Parse(Json(tree))));
        }
        Assert.Equal(30, trees.Select(t => t.Id).Distinct().Count());
        Assert.Equal(30, trees.Select(t => Json(t with { Id = "x", Name = "x" })).Distinct().Count());
    }

    [Fact]
    public void Random_trees_whose_loops_pass_through_menus_are_valid() =>
        RoutingGen.Check(Prop.ForAll(RandomTrees.ToArbitrary(), tree =>
        {
            var errors = DocumentValidator.Validate(tree);
            Assert.True(errors.IsValid, $"{Json(tree)}: {errors}");
        }), maxTest: 200);

    [Fact]
    public void Any_step_that_leads_back_to_itself_without_input_is_reported() =>
        RoutingGen.Check(Prop.ForAll(RandomTrees.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (tree, pick) =>
        {
            var steps = tree.Nodes.Select((n, i) => (n, i)).Where(x => x.n.Id.StartsWith("step", StringComparison.Ordinal)).ToList();
            var (node, index) = steps[pick % steps.Count];
            var errors = DocumentValidator.Validate(tree with { Nodes = tree.Nodes.SetItem(index, ToItself(node)) });
            Assert.True(errors.Has($"nodes[{index}]"), $"{node.Id}: {errors}");
            Assert.StartsWith("is on a loop that never waits for the caller", errors.Errors[$"nodes[{index}]"][0], StringComparison.Ordinal);
        }), maxTest: 200);

    // Menus m0..mN wired at random (menus may lead back to any menu); each choice passes through one non-input step
    // whose successors are menus or the two ends, so every loop passes through a menu. Menu k-1's first choice leads on
    // to menu k, and m0 reaches both ends, so every node is reachable.
    private static readonly Gen<IvrTree> RandomTrees =
        from menuCount in Gen.Choose(1, 6)
        from draws in Gen.ArrayOf(Gen.Choose(0, 9999), 200)
        select RandomTree(menuCount, draws);

    private static IvrTree RandomTree(int menuCount, int[] draws)
    {
        var d = 0;
        int Draw(int bound) => draws[d++ % draws.Length] % bound;
        string Target() => Draw(menuCount + 2) switch { var k when k < menuCount => $"m{k}", var k when k == menuCount => "q", _ => "bye" };
        var nodes = new List<IvrNode>();
        for (var m = 0; m < menuCount; m++)
        {
            var choices = new List<IvrMenuChoice>();
            var width = 1 + Draw(6);
            for (var c = 0; c < width; c++)
            {
                var step = $"step{m}-{c}";
                var onward = c == 0 && m + 1 < menuCount ? $"m{m + 1}" : Target();
                nodes.Add(Draw(6) switch
                {
                    0 => new IvrPlayNode { Id = step, Prompt = File("please-hold"), Next = onward },
                    1 => new IvrSetAttributeNode { Id = step, Key = "k", Value = $"{m}{c}", Next = onward },
                    2 => new IvrAnnouncementNode { Id = step, AnnouncementId = "a", Next = onward },
                    3 => new IvrHoursNode { Id = step, Open = onward, Closed = Target(), Holiday = Target() },
                    4 => new IvrCallerNode { Id = step, Rules = [new IvrCallerRule { Prefixes = ["+48"], Next = Target() }], Default = onward },
                    _ => new IvrHttpLookupNode { Id = step, Url = "http://localhost/{caller}", Branches = [new("1", Target())],
                        Default = onward, Error = Target() },
                });
                choices.Add(new(((c + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture), step));
            }
            if (m == 0)
            {
                choices.Add(new("#", "q"));
            }
            nodes.Add(new IvrMenuNode { Id = $"m{m}", Prompt = File("main-menu"), Choices = [.. choices], Fallback = "bye" });
        }
        nodes.Add(new IvrQueueNode { Id = "q", QueueId = "sales" });
        nodes.Add(new IvrHangupNode { Id = "bye" });
        return new IvrTree { Id = "random", Name = "Random", StartNodeId = "m0", Nodes = [.. nodes] };
    }

    private static IvrNode ToItself(IvrNode node) => node switch
    {
        IvrPlayNode n => n with { Next = n.Id },
        IvrSetAttributeNode n => n with { Next = n.Id },
        IvrAnnouncementNode n => n with { Next = n.Id },
        IvrHoursNode n => n with { Closed = n.Id },
        IvrCallerNode n => n with { Default = n.Id },
        IvrHttpLookupNode n => n with { Error = n.Id },
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name),
    };

    private static IvrTree Invalid(string change) => change switch
    {
        "bad id" => Demo with { Id = "has space" },
        "bad language" => Demo with { Language = "English" },
        "bad time zone" => Demo with { TimeZoneId = "Mars/Olympus" },
        "unknown start" => Demo with { StartNodeId = "nowhere" },
        "no nodes" => Demo with { Nodes = [] },
        "too many nodes" => Demo with { Nodes = [.. Enumerable.Range(0, IvrLimits.MaxNodes + 1)
            .Select(i => new IvrHangupNode { Id = $"n{i}" })] },
        "menu digit A" => Change<IvrMenuNode>("main", m => m with { Choices = m.Choices.SetItem(1, m.Choices[1] with { Digit = "A" }) }),
        "menu digit twice" => Change<IvrMenuNode>("main", m => m with { Choices = m.Choices.SetItem(1, m.Choices[1] with { Digit = "1" }) }),
        "dangling choice" => Change<IvrMenuNode>("main", m => m with { Choices = m.Choices.SetItem(5, new("*", "nowhere")) }),
        "menu timeout zero" => Change<IvrMenuNode>("main", m => m with { Timeout = TimeSpan.Zero }),
        "menu timeout 61 s" => Change<IvrMenuNode>("main", m => m with { Timeout = TimeSpan.FromSeconds(61) }),
        "menu retries 11" => Change<IvrMenuNode>("main", m => m with { MaxRetries = 11 }),
        "prompt both" => Change<IvrPlayNode>("welcome", p => p with { Prompt = new() { PromptId = "welcome", Text = "Hi" } }),
        "prompt neither" => Change<IvrPlayNode>("welcome", p => p with { Prompt = new() }),
        "prompt text too long" => Change<IvrPlayNode>("welcome", p => p with { Prompt = Say(new string('a', IvrLimits.PromptTextLength + 1)) }),
        "prompt id with space" => Change<IvrPlayNode>("welcome", p => p with { Prompt = File("wel come") }),
        "missing next" => Change<IvrPlayNode>("card-blocked", p => p with { Next = null! }),
        "duplicate node id" => Demo with { Nodes = [.. Demo.Nodes, new IvrHangupNode { Id = "goodbye" }] },
        "unreachable node" => Demo with { Nodes = [.. Demo.Nodes, new IvrHangupNode { Id = "orphan" }] },
        "silent loop" => With(Change<IvrPlayNode>("card-blocked", p => p with { Next = "blocked-2" }),
            new IvrSetAttributeNode { Id = "blocked-2", Key = "card", Value = "blocked", Next = "card-blocked" }),
        "self loop" => With(Change<IvrMenuNode>("main", m => m with { Choices = m.Choices.SetItem(5, new("*", "spin")) }),
            new IvrPlayNode { Id = "spin", Prompt = File("please-hold"), Next = "spin" }),
        "ftp url" => Change<IvrHttpLookupNode>("card-check", l => l with { Url = "ftp://cards.example.com/{caller}" }),
        "unknown placeholder" => Change<IvrHttpLookupNode>("card-check", l => l with { Url = "https://cards.example.com/{card}" }),
        "unbalanced brace" => Change<IvrHttpLookupNode>("card-check", l => l with { Url = "https://cards.example.com/{attr:bad name}" }),
        "brace in url" => Change<IvrHttpLookupNode>("card-check", l => l with { Url = "https://cards.example.com/{caller" }),
        "body not json" => Change<IvrHttpLookupNode>("card-check", l => l with { Method = IvrHttpMethod.Post, Body = "{\"card\": {attr:card}" }),
        "body with GET" => Change<IvrHttpLookupNode>("card-check", l => l with { Body = "{}" }),
        "bad pointer" => Change<IvrHttpLookupNode>("card-check", l => l with { ResultPath = "card/status" }),
        "lookup timeout 11 s" => Change<IvrHttpLookupNode>("card-check", l => l with { Timeout = TimeSpan.FromSeconds(11) }),
        "duplicate branch" => Change<IvrHttpLookupNode>("card-check", l => l with { Branches = [l.Branches[0], l.Branches[0] with { Next = "card-blocked" }] }),
        "dangling error node" => Change<IvrHttpLookupNode>("card-check", l => l with { Error = "nowhere" }),
        "formatted number" => Change<IvrTransferNode>("operator", x => x with { Number = "+48 22 555 01 00" }),
        "number and agent" => Change<IvrTransferNode>("operator", x => x with { AgentId = "jan.kowalski" }),
        "neither number nor agent" => Change<IvrTransferNode>("operator", x => x with { Number = null }),
        "unnormalised caller number" => ChangeRule(1, r => r with { Numbers = ["+48 600 100 200"] }),
        "bad prefix" => ChangeRule(1, r => r with { Prefixes = ["48-22"] }),
        "rule without criteria" => ChangeRule(1, r => r with { Numbers = [], Prefixes = [] }),
        "unknown status" => ChangeRule(0, r => r with { Status = (ContactStatus)7 }),
        "overlapping hours" => Change<IvrHoursNode>("hours", h => h with { BusinessHours = h.BusinessHours.SetItem(5,
            new(DayOfWeek.Monday, new(new(11, 0), new(18, 0)))) }),
        "duplicate holiday" => Change<IvrHoursNode>("hours", h => h with { Holidays = [h.Holidays[0], h.Holidays[0]] }),
        "null holiday" => Change<IvrHoursNode>("hours", h => h with { Holidays = [null!] }),
        "hours time zone" => Change<IvrHoursNode>("hours", h => h with { TimeZoneId = "Europe/Atlantis" }),
        "voicemail 11 min" => Change<IvrVoicemailNode>("voicemail", v => v with { MaxDuration = TimeSpan.FromMinutes(11) }),
        "callback two digits" => Change<IvrCallbackNode>("callback", c => c with { AcceptDigit = "12" }),
        "boost 101" => Change<IvrQueueNode>("sales", q => q with { CallerBoost = 101 }),
        "skill level 11" => Change<IvrQueueNode>("support", q => q with { RequiredSkills = [new("english", 11)] }),
        "attribute key with space" => Change<IvrSetAttributeNode>("sales-attr", a => a with { Key = "the problem" }),
        "input min above max" => Change<IvrInputNode>("card-input", i => i with { MinDigits = 20 }),
        "input terminator 5" => Change<IvrInputNode>("card-input", i => i with { Terminator = "5" }),
        "announcement id" => Change<IvrAnnouncementNode>("problem", a => a with { AnnouncementId = "" }),
        "out of hours without prompt" => Change<IvrOutOfHoursNode>("closed", o => o with { Prompt = null! }),
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private static IvrTree ChangeRule(int rule, Func<IvrCallerRule, IvrCallerRule> change) =>
        Change<IvrCallerNode>("vip", c => c with { Rules = c.Rules.SetItem(rule, change(c.Rules[rule])) });

    private static IvrTree With(IvrTree tree, IvrNode node) => tree with { Nodes = tree.Nodes.Add(node) };
}
