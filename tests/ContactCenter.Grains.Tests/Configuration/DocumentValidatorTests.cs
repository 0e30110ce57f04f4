using ContactCenter.Contracts;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Tests.Configuration;

public sealed class DocumentValidatorTests
{
    private static readonly Queue ValidQueue = new()
    {
        Id = "sales", Name = "Sales", TimeZoneId = "Europe/Warsaw",
        BusinessHours = [new(DayOfWeek.Monday, new(new(8, 0), new(12, 0))), new(DayOfWeek.Monday, new(new(13, 0), new(0, 0)))],
        Holidays = [new Holiday { Date = new(2026, 12, 24), OpenHours = [new(new(8, 0), new(12, 0))] }],
        ClosedAction = new ClosedAction(ClosedActionKind.Forward, "closed", new(RoutingTargetKind.ExternalNumber, "+48600100200")),
        Overflow = [new OverflowRule { Condition = OverflowCondition.WaitTime, MaxWait = TimeSpan.FromMinutes(3), Target = new(RoutingTargetKind.Queue, "backup") }],
        Treatment = new() { AnnounceEvery = TimeSpan.FromSeconds(45), OptionsPromptId = "callback-offer", Options = [new("1", "callback"), new("2", "voicemail")] },
        RequiredSkills = [new("english", 3)],
        StickyWait = TimeSpan.FromSeconds(30),
    };

    private static readonly AgentProfile ValidAgent = new()
    {
        Id = "jan.kowalski", Name = "Jan Kowalski", Skills = [new("english", 7)], Queues = [new("sales", 8, SelfService: false)],
        Capacities = [new(Medium.Voice, 1), new(Medium.Chat, 4)], Phone = "1001", ExternalNumbers = ["+48600100200"],
    };

    [Fact]
    public void Valid_documents_have_no_errors()
    {
        Assert.True(DocumentValidator.Validate(ValidQueue).IsValid, DocumentValidator.Validate(ValidQueue).ToString());
        Assert.True(DocumentValidator.Validate(ValidAgent).IsValid, DocumentValidator.Validate(ValidAgent).ToString());
        Assert.True(DocumentValidator.Validate(new Skill { Id = "english", Name = "English" }).IsValid);
        Assert.True(DocumentValidator.Validate(new PauseCode { Id = "lunch", Name = "Lunch", MaxDuration = TimeSpan.FromMinutes(30) }).IsValid);
        Assert.True(DocumentValidator.Validate(new CallCategory { Id = "complaint", Name = "Complaint", QueueIds = ["sales"] }).IsValid);
        Assert.True(DocumentValidator.Validate(new NoAnswerPolicy { Id = "p", Name = "P", PauseCodeId = "no-answer" }).IsValid);
    }

    public static TheoryData<string, string> QueueCases => new()
    {
        { "id", "bad id" },
        { "timeZoneId", "Mars/Olympus" },
        { "businessHours[1].hours", "overlap" },
        { "businessHours[0].hours", "backwards" },
        { "holidays[1]", "duplicate date" },
        { "closedAction.target", "forward without target" },
        { "overflow[0].maxWait", "zero wait" },
        { "overflow[0].target.value", "self overflow" },
        { "ringTimeout", "zero ring" },
        { "priority", "priority 101" },
        { "requiredSkills[0].minimumLevel", "level 11" },
        { "requiredSkills[1]", "duplicate skill" },
        { "treatment.announceEvery", "announce every 5 s" },
        { "treatment.options[0].digit", "two keys" },
        { "treatment.options[1].digit", "same key twice" },
        { "treatment.options[0].ivrTreeId", "bad tree id" },
        { "overflow[0].target.value", "overflow to a bad tree id" },
    };

    [Theory]
    [MemberData(nameof(QueueCases))]
    public void Queue_errors_name_the_field(string field, string change)
    {
        var rule = ValidQueue.Overflow[0];
        var queue = change switch
        {
            "bad id" => ValidQueue with { Id = "no spaces allowed" },
            "Mars/Olympus" => ValidQueue with { TimeZoneId = change },
            "overlap" => ValidQueue with { BusinessHours = [new(DayOfWeek.Monday, new(new(8, 0), new(12, 0))), new(DayOfWeek.Monday, new(new(11, 0), new(14, 0)))] },
            "backwards" => ValidQueue with { BusinessHours = [new(DayOfWeek.Friday, new(new(16, 0), new(8, 0)))] },
            "duplicate date" => ValidQueue with { Holidays = [.. ValidQueue.Holidays, new Holiday { Date = new(2026, 12, 24) }] },
            "forward without target" => ValidQueue with { ClosedAction = new ClosedAction(ClosedActionKind.Forward) },
            "zero wait" => ValidQueue with { Overflow = [rule with { MaxWait = TimeSpan.Zero }] },
            "self overflow" => ValidQueue with { Overflow = [rule with { Target = new(RoutingTargetKind.Queue, "sales") }] },
            "zero ring" => ValidQueue with { RingTimeout = TimeSpan.Zero },
            "priority 101" => ValidQueue with { Priority = 101 },
            "level 11" => ValidQueue with { RequiredSkills = [new("english", 11)] },
            "duplicate skill" => ValidQueue with { RequiredSkills = [new("english", 1), new("english", 2)] },
            "announce every 5 s" => ValidQueue with { Treatment = new() { AnnounceEvery = TimeSpan.FromSeconds(5) } },
            "two keys" => ValidQueue with { Treatment = new() { Options = [new("12", "callback")] } },
            "same key twice" => ValidQueue with { Treatment = new() { Options = [new("1", "callback"), new("1", "voicemail")] } },
            "bad tree id" => ValidQueue with { Treatment = new() { Options = [new("#", "no spaces allowed")] } },
            "overflow to a bad tree id" => ValidQueue with { Overflow = [rule with { Target = new(RoutingTargetKind.IvrTree, "no spaces allowed") }] },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        var errors = DocumentValidator.Validate(queue);

        Assert.True(errors.Has(field), $"expected an error on {field}, got: {errors}");
        Assert.Single(errors.Errors);
        Assert.Equal(errors.Errors[field].ToArray(), errors.ToDictionary()[field]);
    }

    [Fact]
    public void Agent_profile_errors_name_the_field()
    {
        var agent = ValidAgent with
        {
            Name = "",
            Skills = [new("english", 0)],
            Queues = [new("sales", 11), new("sales")],
            Capacities = [new(Medium.Voice, 2), new(Medium.Chat, 21)],
            Phone = "10 01",
            ExternalNumbers = ["600-100-200"],
        };

        var errors = DocumentValidator.Validate(agent);

        Assert.Equal(["capacities[0].max", "capacities[1].max", "externalNumbers[0]", "name", "phone", "queues[0].priority",
            "queues[1]", "skills[0].level"], errors.Errors.Keys);
    }

    [Fact]
    public void Other_documents_check_their_own_rules()
    {
        Assert.True(DocumentValidator.Validate(new NoAnswerPolicy { Id = "p", Name = "P" }).Has("pauseCodeId"));
        Assert.True(DocumentValidator.Validate(new NoAnswerPolicy { Id = "p", Name = "P", Action = NoAnswerAction.LogOut, PauseCodeId = "x" }).Has("pauseCodeId"));
        Assert.True(DocumentValidator.Validate(new NoAnswerPolicy { Id = "p", Name = "P", PauseCodeId = "x", MaxMisses = 0, Window = TimeSpan.Zero }).Has("window"));
        Assert.True(DocumentValidator.Validate(new PauseCode { Id = "lunch", Name = "Lunch", MaxDuration = TimeSpan.Zero }).Has("maxDuration"));
        Assert.True(DocumentValidator.Validate(new CallCategory { Id = "c", Name = "C", ParentId = "c" }).Has("parentId"));
        Assert.True(DocumentValidator.Validate(new Skill { Id = "s", Name = new string('x', 101), Version = -1 }).Has("version"));
        Assert.True(DocumentValidator.Validate(new TransferGroup { Id = "g", Name = "G", Lines = [new("Survey", new(RoutingTargetKind.IvrTree, "survey"))] })
            .Has("lines[0].target.kind"));
    }
}
