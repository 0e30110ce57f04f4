using System.Collections.Immutable;
using ContactCenter.Contracts.Validation;

namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    /// <summary>Validates a queue.</summary>
    public static FieldErrors Validate(Queue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var errors = Header(queue.Id, queue.Version, queue.Name);
        errors.TimeZone(queue.TimeZoneId, "timeZoneId");
        BusinessHours(errors, Defaulted(queue.BusinessHours), "businessHours");
        Holidays(errors, Defaulted(queue.Holidays), "holidays");
        ClosedAction(errors, queue.ClosedAction, queue.Id);
        Overflow(errors, Defaulted(queue.Overflow), queue.Id);
        errors.NotNegative(queue.WrapUpTime, "wrapUpTime");
        errors.Require(queue.WrapUpTime <= TimeSpan.FromHours(1), "wrapUpTime", "must be at most one hour");
        errors.Positive(queue.RingTimeout, "ringTimeout");
        errors.Require(queue.RingTimeout <= TimeSpan.FromMinutes(5), "ringTimeout", "must be at most five minutes");
        errors.Positive(queue.SlaThreshold, "slaThreshold");
        errors.Range(queue.Priority, 0, 100, "priority");
        errors.Require(Enum.IsDefined(queue.Strategy), "strategy", "is not a known selection strategy");
        Skills(errors, queue.RequiredSkills, "requiredSkills");
        errors.NotNegative(queue.StickyWait, "stickyWait");
        errors.Require(queue.StickyWait <= TimeSpan.FromHours(1), "stickyWait", "must be at most one hour");
        Treatment(errors, queue.Treatment);
        if (queue.NoAnswerPolicyId is not null)
        {
            errors.Id(queue.NoAnswerPolicyId, "noAnswerPolicyId");
        }
        return errors.Build();
    }

    // Shared with the IVR hours node, which carries a schedule of the same shape under its own path.
    private static void BusinessHours(FieldErrorsBuilder errors, ImmutableArray<WeekdayHours> hours, string path)
    {
        for (var i = 0; i < hours.Length; i++)
        {
            var field = $"{path}[{i}]";
            if (hours[i] is null)
            {
                errors.Add(field, "is required");
                continue;
            }
            errors.Require(Enum.IsDefined(hours[i].Day), $"{field}.day", "is not a weekday");
            if (hours[i].Hours is not { } range)
            {
                errors.Add($"{field}.hours", "is required");
                continue;
            }
            errors.Require(range.IsWellFormed, $"{field}.hours", "must start before it ends");
            for (var j = 0; j < i; j++)
            {
                if (hours[j] is { } other && other.Day == hours[i].Day && other.Hours is { } earlier && earlier.Overlaps(range))
                {
                    errors.Add($"{field}.hours", $"overlaps {path}[{j}]");
                    break;
                }
            }
        }
    }

    private static void Holidays(FieldErrorsBuilder errors, ImmutableArray<Holiday> holidays, string path)
    {
        for (var i = 0; i < holidays.Length; i++)
        {
            if (holidays[i] is null)
            {
                errors.Add($"{path}[{i}]", "is required");
                continue;
            }
            errors.Text(holidays[i].Name, $"{path}[{i}].name", NameLength, required: false);
            Ranges(errors, Defaulted(holidays[i].OpenHours), $"{path}[{i}].openHours");
        }
        errors.Distinct(holidays, h => h?.Date.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            path, "date");
    }

    private static void Ranges(FieldErrorsBuilder errors, ImmutableArray<TimeRange> ranges, string field)
    {
        for (var i = 0; i < ranges.Length; i++)
        {
            errors.Require(ranges[i].IsWellFormed, $"{field}[{i}]", "must start before it ends");
            for (var j = 0; j < i; j++)
            {
                if (ranges[j].Overlaps(ranges[i]))
                {
                    errors.Add($"{field}[{i}]", $"overlaps {field}[{j}]");
                    break;
                }
            }
        }
    }

    private static void ClosedAction(FieldErrorsBuilder errors, ClosedAction? action, string ownQueueId)
    {
        if (action is null)
        {
            errors.Add("closedAction", "is required");
            return;
        }
        errors.Text(action.PromptId, "closedAction.promptId", 200, required: false);
        switch (action.Kind)
        {
            case ClosedActionKind.Announce:
                errors.Require(action.Target is null, "closedAction.target", "is only used with the forward action");
                break;
            case ClosedActionKind.Forward:
                Target(errors, action.Target, "closedAction.target", ownQueueId);
                break;
            default:
                errors.Add("closedAction.kind", "is not a known closed action");
                break;
        }
    }

    private static void Overflow(FieldErrorsBuilder errors, ImmutableArray<OverflowRule> rules, string ownQueueId)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            var field = $"overflow[{i}]";
            var rule = rules[i];
            switch (rule.Condition)
            {
                case OverflowCondition.WaitTime:
                    errors.Positive(rule.MaxWait, $"{field}.maxWait");
                    break;
                case OverflowCondition.QueueLength:
                    errors.Range(rule.MaxLength, 0, 100_000, $"{field}.maxLength");
                    break;
                case OverflowCondition.NoAgentLoggedIn:
                    break;
                default:
                    errors.Add($"{field}.condition", "is not a known overflow condition");
                    break;
            }
            Target(errors, rule.Target, $"{field}.target", ownQueueId);
        }
    }

    private static void Treatment(FieldErrorsBuilder errors, QueueTreatment? treatment)
    {
        if (treatment is null)
        {
            errors.Add("treatment", "is required");
            return;
        }
        errors.Id(treatment.MusicPromptId, "treatment.musicPromptId");
        if (treatment.AnnounceEvery is { } every)
        {
            errors.Require(every >= QueueTreatmentLimits.ShortestAnnounceInterval && every <= QueueTreatmentLimits.LongestAnnounceInterval,
                "treatment.announceEvery", "must be between 10 seconds and one hour");
        }
        if (treatment.OptionsPromptId is not null)
        {
            errors.Id(treatment.OptionsPromptId, "treatment.optionsPromptId");
        }
        var options = Defaulted(treatment.Options);
        errors.Require(options.Length <= QueueTreatmentLimits.MaxOptions, "treatment.options", $"must have at most {QueueTreatmentLimits.MaxOptions} entries");
        for (var i = 0; i < options.Length; i++)
        {
            var field = $"treatment.options[{i}]";
            if (options[i] is not { } option)
            {
                errors.Add(field, "is required");
                continue;
            }
            errors.Require(option.Digit is { Length: 1 } digit && "0123456789*#".Contains(digit[0], StringComparison.Ordinal),
                $"{field}.digit", "must be one key: 0-9, * or #");
            errors.Require(options.Take(i).All(o => o is null || o.Digit != option.Digit), $"{field}.digit", "is used by another option");
            errors.Id(option.IvrTreeId, $"{field}.ivrTreeId");
        }
    }
}
