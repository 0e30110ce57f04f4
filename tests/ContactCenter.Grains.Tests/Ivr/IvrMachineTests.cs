using System.Collections.Immutable;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Grains.Ivr;
using ContactCenter.Grains.Tests.Configuration;

namespace ContactCenter.Grains.Tests.Ivr;

/// <summary>The IVR walk as a pure function over the demo tree (every node kind): menus, retries and fallbacks, digit
/// input, hours, caller rules, attributes, queueing, transfers, callbacks, voicemail, lookups, and media events that
/// come late or twice.</summary>
public sealed class IvrMachineTests
{
    // Monday 2 March 2026, 10:00 in Warsaw: the demo tree's hours are open.
    private static readonly DateTimeOffset Open = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly IvrTree Demo = IvrTreeCases.Demo;

    [Fact]
    public void The_demo_tree_is_valid() => Assert.True(DocumentValidator.Validate(Demo).IsValid, DocumentValidator.Validate(Demo).ToString());

    [Fact]
    public void Entering_plays_the_welcome_then_checks_the_announcement_and_branches_to_the_open_menu()
    {
        var entered = IvrMachine.Next(Demo, null, new IvrEntered(), Caller());

        var play = Assert.IsType<IvrPlay>(Assert.Single(entered.Actions));
        Assert.Equal(("welcome", "ivr-1", "en"), (Assert.Single(play.Playback.PromptIds), play.Playback.PlaybackId, play.Playback.Language));
        Assert.Equal(new IvrPosition("welcome", IvrStage.Prompt, 0, "", 1), entered.Position);
        Assert.Equal(["welcome", "welcome"], entered.Trace.Select(t => t.NodeId));

        var played = Next(entered.Position, new IvrPlaybackFinished("ivr-1"));
        Assert.Equal(new IvrCheckAnnouncement("general-problem"), Assert.Single(played.Actions));
        Assert.Equal(IvrStage.Announcement, played.Position!.Stage);

        var menu = Next(played.Position, new IvrAnnouncementChecked(null));
        Assert.Equal(["problem", "vip", "hours", "main"], menu.Trace.Select(t => t.NodeId));
        Assert.Equal(new IvrPosition("main", IvrStage.Digits, 0, "", 2), menu.Position);
        Assert.Equal(new DigitCollection(1, TimeSpan.FromSeconds(5), CollectionId: "ivr-2"), Assert.IsType<IvrCollect>(menu.Actions[1]).Collection);
    }

    [Fact]
    public void An_active_announcement_plays_before_the_walk_goes_on()
    {
        var played = Next(AtWelcomeEnd(), new IvrAnnouncementChecked("outage-2026"));

        Assert.Equal(["outage-2026"], Assert.IsType<IvrPlay>(Assert.Single(played.Actions)).Playback.PromptIds);
        Assert.Equal(("problem", IvrStage.Prompt), (played.Position!.NodeId, played.Position.Stage));
        Assert.Equal("main", Next(played.Position, new IvrPlaybackFinished(played.Position.AwaitedId)).Position!.NodeId);
    }

    [Fact]
    public void A_menu_choice_sets_the_attribute_and_queues_after_the_prompt()
    {
        var menu = AtMenu();

        var chosen = Next(menu, Digits(menu, "1"));

        Assert.Equal([typeof(IvrStopPlayback), typeof(IvrSetAttribute), typeof(IvrPlay)], chosen.Actions.Select(a => a.GetType()));
        Assert.Equal(new IvrSetAttribute("problem", "sales"), chosen.Actions[1]);
        Assert.Equal(("sales", IvrStage.Prompt), (chosen.Position!.NodeId, chosen.Position.Stage));
        var queued = Next(chosen.Position, new IvrPlaybackFinished(chosen.Position.AwaitedId));
        Assert.Null(queued.Position);
        var route = Assert.IsType<IvrRoute>(Assert.Single(queued.Actions));
        Assert.Equal(("sales", 0, 0), (route.QueueId, route.CallerBoost, route.RequiredSkills.Length));
    }

    [Fact]
    public void Set_attribute_then_a_queue_without_prompt_routes_at_once_with_its_boost_and_skills()
    {
        var menu = AtMenu();

        var chosen = Next(menu, Digits(menu, "2"));

        Assert.Null(chosen.Position);
        Assert.Equal(new IvrSetAttribute("problem", "support"), chosen.Actions[1]);
        var route = Assert.IsType<IvrRoute>(chosen.Actions[2]);
        Assert.Equal(("support", 5, new SkillRequirement("english", 3)), (route.QueueId, route.CallerBoost, Assert.Single(route.RequiredSkills)));
        Assert.Equal(["main", "support-attr", "support"], chosen.Trace.Select(t => t.NodeId));
    }

    [Fact]
    public void An_invalid_key_plays_the_invalid_prompt_and_retries_then_goes_to_the_fallback()
    {
        var position = AtMenu();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var invalid = Next(position, Digits(position, "7"));
            Assert.Equal(["invalid-choice"], Assert.IsType<IvrPlay>(invalid.Actions[^1]).Playback.PromptIds);
            Assert.Equal(("main", IvrStage.Invalid, attempt), (invalid.Position!.NodeId, invalid.Position.Stage, invalid.Position.Retries));
            var again = Next(invalid.Position, new IvrPlaybackFinished(invalid.Position.AwaitedId));
            Assert.Equal(("main", IvrStage.Digits, attempt), (again.Position!.NodeId, again.Position.Stage, again.Position.Retries));
            Assert.Equal(["main-menu"], Assert.IsType<IvrPlay>(again.Actions[0]).Playback.PromptIds);
            position = again.Position;
        }

        var fallback = Next(position, Digits(position, "7"));

        Assert.Equal(("goodbye", IvrStage.Prompt), (fallback.Position!.NodeId, fallback.Position.Stage));
        Assert.Contains("no retries left", fallback.Trace[0].Description, StringComparison.Ordinal);
        var end = Next(fallback.Position, new IvrPlaybackFinished(fallback.Position.AwaitedId));
        Assert.Null(end.Position);
        Assert.IsType<IvrHangUp>(Assert.Single(end.Actions));
    }

    [Fact]
    public void A_timeout_counts_as_a_failed_attempt_and_a_menu_without_fallback_hangs_up()
    {
        var tree = IvrTreeCases.Change<IvrMenuNode>("main", m => m with { MaxRetries = 1, Fallback = null, InvalidPrompt = null });
        var menu = AtMenu(tree);

        var retry = IvrMachine.Next(tree, menu, Digits(menu, "", timedOut: true), Caller());
        Assert.Equal(("main", IvrStage.Digits, 1), (retry.Position!.NodeId, retry.Position.Stage, retry.Position.Retries));
        Assert.DoesNotContain(retry.Actions, a => a is IvrStopPlayback);
        var end = IvrMachine.Next(tree, retry.Position, Digits(retry.Position, "", timedOut: true), Caller());

        Assert.Null(end.Position);
        Assert.Equal(new IvrHangUp("no valid entry"), Assert.Single(end.Actions));
    }

    [Fact]
    public void Digit_input_strips_the_terminator_needs_the_minimum_and_feeds_the_lookup()
    {
        var menu = AtMenu();
        var input = Next(menu, Digits(menu, "3")).Position!;
        Assert.Equal(("card-input", IvrStage.Digits), (input.NodeId, input.Stage));

        var tooShort = Next(input, Digits(input, "12#"));
        Assert.Equal(("card-input", 1), (tooShort.Position!.NodeId, tooShort.Position.Retries));
        var collect = Assert.IsType<IvrCollect>(tooShort.Actions.Single(a => a is IvrCollect)).Collection;
        Assert.Equal((16, "#"), (collect.MaxDigits, collect.Terminator));
        var prompt = Assert.IsType<IvrPlay>(tooShort.Actions.Single(a => a is IvrPlay)).Playback;
        Assert.Equal(IvrPrompt.SpeechPromptId("en", "Enter your card number, then press hash."), Assert.Single(prompt.PromptIds));

        var entered = Next(tooShort.Position, Digits(tooShort.Position, "123456#"));

        Assert.Contains(new IvrSetAttribute("card", "123456"), entered.Actions);
        var lookup = Assert.IsType<IvrLookup>(entered.Actions[^1]).Request;
        Assert.Equal("https://cards.example.com/check?number=123456&caller=%2B48501234567", lookup.Url);
        Assert.Equal(IvrStage.Lookup, entered.Position!.Stage);
    }

    [Fact]
    public void A_lookup_answer_branches_on_its_value_and_a_failure_takes_the_error_branch()
    {
        var lookup = AtLookup();

        var blocked = Next(lookup, new IvrLookupAnswered(200, """{"card":{"status":"blocked"}}"""));
        Assert.Equal(new IvrSetAttribute("cardStatus", "blocked"), blocked.Actions[0]);
        Assert.Equal("card-blocked", blocked.Position!.NodeId);

        Assert.Null(Next(lookup, new IvrLookupAnswered(200, """{"card":{"status":"unknown"}}""")).Position); // default: support, no prompt
        Assert.Equal("operator", Next(lookup, new IvrLookupAnswered(500, "{}")).Position!.NodeId);
        Assert.Equal("operator", Next(lookup, new IvrLookupAnswered(200, "not json")).Position!.NodeId);
        Assert.Equal("operator", Next(lookup, new IvrLookupAnswered(200, """{"card":{}}""")).Position!.NodeId);
        Assert.Equal("operator", Next(lookup, new IvrLookupFailed("timed out")).Position!.NodeId);
    }

    [Theory]
    [InlineData("2026-03-02T09:00:00Z", "main", "open")]
    [InlineData("2026-03-02T11:30:00Z", "closed", "closed at")]
    [InlineData("2026-03-07T10:00:00Z", "closed", "closed at")]
    [InlineData("2026-12-24T09:00:00Z", "main", "open")]
    [InlineData("2026-12-24T12:00:00Z", "holiday", "closed for holiday")]
    [InlineData("2026-12-25T09:00:00Z", "holiday", "closed for holiday Christmas")]
    public void Hours_branch_open_closed_and_holiday_in_the_trees_zone(string at, string node, string description)
    {
        var now = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        var step = Next(AtWelcomeEnd(now), new IvrAnnouncementChecked(null), Caller(now: now));

        Assert.Equal(node, step.Position!.NodeId);
        Assert.StartsWith(description, step.Trace.Single(t => t.NodeId == "hours").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vip_caller_by_boost_or_attribute_goes_to_the_vip_queue()
    {
        foreach (var vip in new[] { Caller(boost: 10), Caller(attributes: new Dictionary<string, string> { ["contactStatus"] = "vip" }) })
        {
            var step = Next(AtWelcomeEnd(), new IvrAnnouncementChecked(null), vip);

            Assert.Null(step.Position);
            var route = Assert.IsType<IvrRoute>(Assert.Single(step.Actions));
            Assert.Equal(("sales", 50), (route.QueueId, route.CallerBoost));
        }
    }

    [Fact]
    public void A_caller_by_prefix_is_transferred_to_the_agent_and_a_failed_transfer_takes_the_failed_branch()
    {
        var caller = Caller(number: "+48 22 555 01 02");
        var prompt = Next(AtWelcomeEnd(), new IvrAnnouncementChecked(null), caller);
        Assert.Equal(("agent", IvrStage.Prompt), (prompt.Position!.NodeId, prompt.Position.Stage));

        var transfer = Next(prompt.Position, new IvrPlaybackFinished(prompt.Position.AwaitedId), caller);
        Assert.Equal(new IvrTransfer(null, "jan.kowalski"), Assert.Single(transfer.Actions));
        Assert.Equal(IvrStage.Transfer, transfer.Position!.Stage);

        var failed = Next(transfer.Position, new IvrTransferFailed("busy"), caller);
        Assert.Equal(("main", IvrStage.Digits), (failed.Position!.NodeId, failed.Position.Stage));
    }

    [Fact]
    public void An_anonymous_caller_takes_the_default_branch() =>
        Assert.Equal("main", Next(AtWelcomeEnd(), new IvrAnnouncementChecked(null), Caller(number: "anonymous", boost: 10)).Position!.NodeId);

    [Fact]
    public void A_failed_number_transfer_leads_to_voicemail_which_is_filed_before_goodbye()
    {
        var menu = AtMenu();
        var transfer = Next(menu, Digits(menu, "0"));
        Assert.Equal(new IvrTransfer("+48225550100", null), transfer.Actions[^1]);

        var prompt = Next(transfer.Position, new IvrTransferFailed("486 Busy Here"));
        Assert.Equal(("voicemail", IvrStage.Prompt), (prompt.Position!.NodeId, prompt.Position.Stage));
        var recording = Next(prompt.Position, new IvrPlaybackFinished(prompt.Position.AwaitedId));
        var record = Assert.IsType<IvrRecordVoicemail>(Assert.Single(recording.Actions)).Recording;
        Assert.Equal(new VoicemailRecording("support", TimeSpan.FromMinutes(3), recording.Position!.AwaitedId), record);

        Assert.True(Next(recording.Position, new IvrVoicemailRecorded("ivr-0", TimeSpan.FromSeconds(9), null)).Ignored);
        var left = Next(recording.Position, new IvrVoicemailRecorded(recording.Position.AwaitedId, TimeSpan.FromSeconds(9), "vm/1.wav"));

        var message = Assert.IsType<IvrSaveVoicemail>(left.Actions[0]).Message;
        Assert.Equal(("support", "+48501234567", "vm/1.wav"), (message.MailboxId, message.CallerNumber, message.Location));
        Assert.Equal("goodbye", left.Position!.NodeId);
    }

    [Fact]
    public void A_callback_accepted_with_a_time_is_stored_for_the_next_such_time_in_the_trees_zone()
    {
        var menu = AtMenu();
        var offer = Next(menu, Digits(menu, "9")).Position!;
        var time = Next(offer, Digits(offer, "1"));
        Assert.Equal((IvrStage.CallbackTime, "1"), (time.Position!.Stage, time.Position.Digits));
        Assert.Equal((4, "#"), (Assert.IsType<IvrCollect>(time.Actions[^1]).Collection.MaxDigits, Assert.IsType<IvrCollect>(time.Actions[^1]).Collection.Terminator));

        var saved = Next(time.Position, Digits(time.Position, "0930"));

        var request = Assert.IsType<IvrSaveCallback>(saved.Actions.Single(a => a is IvrSaveCallback)).Request;
        // 09:30 in Warsaw has passed at 10:00 on 2 March: the next one is on 3 March (UTC+1).
        Assert.Equal((DateTimeOffset?)new DateTimeOffset(2026, 3, 3, 8, 30, 0, TimeSpan.Zero), request.PreferredAt);
        Assert.Equal(("sales", "+48501234567"), (request.QueueId, request.Number));
        Assert.Equal("goodbye", saved.Position!.NodeId);

        var asap = Next(time.Position, Digits(time.Position, "99", timedOut: true));
        Assert.Null(Assert.IsType<IvrSaveCallback>(asap.Actions.Single(a => a is IvrSaveCallback)).Request.PreferredAt);
        Assert.Equal("main", Next(offer, Digits(offer, "5")).Position!.NodeId);
    }

    [Fact]
    public void Late_duplicate_and_unexpected_media_events_are_ignored()
    {
        var menu = AtMenu();

        Assert.True(Next(menu, new IvrPlaybackFinished(menu.AwaitedId)).Ignored); // the menu waits for a key, not the prompt
        Assert.True(Next(menu, new IvrDigitsCollected("1", false, "ivr-1")).Ignored); // an older collection
        Assert.True(Next(menu, new IvrLookupFailed("late")).Ignored);
        Assert.True(Next(menu, new IvrEntered()).Ignored);
        var chosen = Next(menu, Digits(menu, "1"));
        Assert.False(chosen.Ignored);
        Assert.True(Next(chosen.Position, Digits(menu, "1")).Ignored); // the same report again
        Assert.True(Next(chosen.Position, new IvrPlaybackFinished(menu.AwaitedId)).Ignored); // the interrupted menu prompt
        Assert.True(IvrMachine.Next(Demo, null, new IvrPlaybackFinished("ivr-1"), Caller()).Ignored);
    }

    [Fact]
    public void A_position_naming_a_node_the_tree_lacks_hangs_up()
    {
        var step = Next(new IvrPosition("gone", IvrStage.Prompt, 0, "", 7), new IvrPlaybackFinished("ivr-7"));

        Assert.Null(step.Position);
        Assert.IsType<IvrHangUp>(Assert.Single(step.Actions));
    }

    [Fact]
    public void Speech_prompt_ids_are_deterministic_per_language_and_text()
    {
        var id = IvrPrompt.SpeechPromptId("en", "Hello");

        Assert.Matches("^tts-[0-9a-f]{16}$", id);
        Assert.Equal(id, IvrPrompt.SpeechPromptId("en", "Hello"));
        Assert.NotEqual(id, IvrPrompt.SpeechPromptId("pl", "Hello"));
        Assert.Equal("welcome", new IvrPrompt { PromptId = "welcome" }.ToPromptId("pl"));
    }

    private static IvrContext Caller(string number = "+48501234567", int boost = 0, IDictionary<string, string>? attributes = null,
        DateTimeOffset? now = null) =>
        IvrContext.For("call-1", number, "800", attributes?.ToImmutableDictionary() ?? ImmutableDictionary<string, string>.Empty, boost,
            now ?? Open);

    private static IvrStep Next(IvrPosition? position, IvrInput input, IvrContext? context = null) =>
        IvrMachine.Next(Demo, position, input, context ?? Caller());

    private static IvrDigitsCollected Digits(IvrPosition position, string digits, bool timedOut = false) =>
        new(digits, timedOut, position.AwaitedId);

    private static IvrPosition AtWelcomeEnd(DateTimeOffset? now = null)
    {
        var entered = IvrMachine.Next(Demo, null, new IvrEntered(), Caller(now: now));
        return IvrMachine.Next(Demo, entered.Position, new IvrPlaybackFinished(entered.Position!.AwaitedId), Caller(now: now)).Position!;
    }

    private static IvrPosition AtMenu(IvrTree? tree = null)
    {
        tree ??= Demo;
        var entered = IvrMachine.Next(tree, null, new IvrEntered(), Caller());
        var announcement = IvrMachine.Next(tree, entered.Position, new IvrPlaybackFinished(entered.Position!.AwaitedId), Caller());
        var menu = IvrMachine.Next(tree, announcement.Position, new IvrAnnouncementChecked(null), Caller()).Position!;
        Assert.Equal(("main", IvrStage.Digits), (menu.NodeId, menu.Stage));
        return menu;
    }

    private static IvrPosition AtLookup()
    {
        var menu = AtMenu();
        var input = Next(menu, Digits(menu, "3")).Position!;
        return Next(input, Digits(input, "123456#")).Position!;
    }
}
