using System.Collections.Immutable;
using ContactCenter.Contracts.Validation;

namespace ContactCenter.Contracts.Configuration;

/// <summary>Pure validation of configuration documents: each overload returns the field errors of one document
/// (camelCase JSON paths), empty when valid. Checks are intrinsic to the document; whether referenced ids (skills,
/// queues, pause codes) exist is the document store's check.</summary>
public static partial class DocumentValidator
{
    private const int NameLength = 100;

    /// <summary>Validates a skill.</summary>
    public static FieldErrors Validate(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        var errors = Header(skill.Id, skill.Version, skill.Name);
        errors.Text(skill.Description, "description", 1000, required: false);
        return errors.Build();
    }

    /// <summary>Validates a pause code.</summary>
    public static FieldErrors Validate(PauseCode pause)
    {
        ArgumentNullException.ThrowIfNull(pause);
        var errors = Header(pause.Id, pause.Version, pause.Name);
        errors.Require(Enum.IsDefined(pause.Kind), "kind", "is not a known pause kind");
        if (pause.MaxDuration is { } max)
        {
            errors.Positive(max, "maxDuration");
        }
        return errors.Build();
    }

    /// <summary>Validates a call category.</summary>
    public static FieldErrors Validate(CallCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var errors = Header(category.Id, category.Version, category.Name);
        if (category.ParentId is not null)
        {
            errors.Id(category.ParentId, "parentId");
            errors.Require(category.ParentId != category.Id, "parentId", "must not be the category itself");
        }
        var queueIds = Defaulted(category.QueueIds);
        for (var i = 0; i < queueIds.Length; i++)
        {
            errors.Id(queueIds[i], $"queueIds[{i}]");
        }
        errors.Distinct(queueIds, id => id, "queueIds", "queue");
        return errors.Build();
    }

    /// <summary>Validates a transfer-panel group: a name, at most <see cref="TransferGroup.MaxLines"/> lines, each
    /// named once and with a valid target.</summary>
    public static FieldErrors Validate(TransferGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var errors = Header(group.Id, group.Version, group.Name);
        var lines = Defaulted(group.Lines);
        errors.Require(lines.Length <= TransferGroup.MaxLines, "lines", $"must hold at most {TransferGroup.MaxLines} lines");
        for (var i = 0; i < lines.Length; i++)
        {
            errors.Text(lines[i].Name, $"lines[{i}].name", 100);
            Target(errors, lines[i].Target, $"lines[{i}].target", ownQueueId: null, allowIvrTree: false);
        }
        errors.Distinct(lines, l => l.Name ?? "", "lines", "line name");
        return errors.Build();
    }

    /// <summary>Validates a no-answer policy.</summary>
    public static FieldErrors Validate(NoAnswerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = Header(policy.Id, policy.Version, policy.Name);
        errors.Range(policy.MaxMisses, 1, 100, "maxMisses");
        errors.Positive(policy.Window, "window");
        errors.Require(policy.Window <= TimeSpan.FromDays(1), "window", "must be at most one day");
        errors.Require(Enum.IsDefined(policy.Action), "action", "is not a known action");
        if (policy.Action == NoAnswerAction.Pause)
        {
            errors.Id(policy.PauseCodeId, "pauseCodeId");
        }
        else
        {
            errors.Require(policy.PauseCodeId is null, "pauseCodeId", "is only used with the pause action");
        }
        return errors.Build();
    }

    /// <summary>Validates the site settings.</summary>
    public static FieldErrors Validate(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new FieldErrorsBuilder();
        errors.Id(settings.Id, "id");
        errors.Version(settings.Version);
        errors.TimeZone(settings.TimeZoneId, "timeZoneId");
        if (settings.NoAnswerPolicyId is not null)
        {
            errors.Id(settings.NoAnswerPolicyId, "noAnswerPolicyId");
        }
        if (settings.LongInteractionAlertAfter is { } alertAfter)
        {
            errors.Positive(alertAfter, "longInteractionAlertAfter");
        }
        errors.Text(settings.SipRealm, "sipRealm", NameLength);
        errors.Require(settings.SipRealm is null || !settings.SipRealm.Any(c => c is '"' or '\\' || char.IsControl(c)),
            "sipRealm", "must not contain quotes, backslashes or control characters");
        return errors.Build();
    }

    private static FieldErrorsBuilder Header(string? id, long version, string? name)
    {
        var errors = new FieldErrorsBuilder();
        errors.Id(id, "id");
        errors.Version(version);
        errors.Text(name, "name", NameLength);
        return errors;
    }

    // A document deserialized from JSON without the member keeps the initializer, but one built in code with
    // `default` must not crash validation.
    private static ImmutableArray<T> Defaulted<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    private static void Skills(FieldErrorsBuilder errors, ImmutableArray<SkillRequirement> skills, string field)
    {
        skills = Defaulted(skills);
        for (var i = 0; i < skills.Length; i++)
        {
            errors.Id(skills[i].SkillId, $"{field}[{i}].skillId");
            errors.Range(skills[i].MinimumLevel, SkillLevel.Min, SkillLevel.Max, $"{field}[{i}].minimumLevel");
        }
        errors.Distinct(skills, s => s.SkillId, field, "skill");
    }

    private static void Target(FieldErrorsBuilder errors, RoutingTarget? target, string field, string? ownQueueId, bool allowIvrTree = true)
    {
        if (target is null)
        {
            errors.Add(field, "is required");
            return;
        }
        switch (target.Kind)
        {
            case RoutingTargetKind.Queue:
                errors.Id(target.Value, $"{field}.value");
                errors.Require(target.Value != ownQueueId, $"{field}.value", "must not be the queue itself");
                break;
            case RoutingTargetKind.Agent:
                errors.Id(target.Value, $"{field}.value");
                break;
            case RoutingTargetKind.InternalLine:
                errors.Text(target.Value, $"{field}.value", 64);
                break;
            case RoutingTargetKind.ExternalNumber:
                errors.PhoneNumber(target.Value, $"{field}.value");
                break;
            case RoutingTargetKind.IvrTree when allowIvrTree:
                errors.Id(target.Value, $"{field}.value");
                break;
            case RoutingTargetKind.IvrTree:
                errors.Add($"{field}.kind", "an IVR tree is not a transfer target");
                break;
            default:
                errors.Add($"{field}.kind", "is not a known target kind");
                break;
        }
    }
}
