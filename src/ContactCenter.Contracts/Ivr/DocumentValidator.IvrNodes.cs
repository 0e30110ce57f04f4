using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Validation;

namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    private static void IvrNodeFields(FieldErrorsBuilder errors, IvrNode node, string field,
        List<(string Field, string Target)> next)
    {
        switch (node)
        {
            case IvrMenuNode menu:
                Menu(errors, menu, field, next);
                break;
            case IvrPlayNode play:
                Prompt(errors, play.Prompt, $"{field}.prompt");
                Successor(errors, next, play.Next, $"{field}.next");
                break;
            case IvrInputNode input:
                Input(errors, input, field, next);
                break;
            case IvrHoursNode hours:
                if (hours.TimeZoneId is not null)
                {
                    TimeZone(errors, hours.TimeZoneId, $"{field}.timeZoneId");
                }
                BusinessHours(errors, Defaulted(hours.BusinessHours), $"{field}.businessHours");
                Holidays(errors, Defaulted(hours.Holidays), $"{field}.holidays");
                Successor(errors, next, hours.Open, $"{field}.open");
                Successor(errors, next, hours.Closed, $"{field}.closed");
                Successor(errors, next, hours.Holiday, $"{field}.holiday", required: false);
                break;
            case IvrCallerNode caller:
                Caller(errors, caller, field, next);
                break;
            case IvrSetAttributeNode set:
                errors.Id(set.Key, $"{field}.key");
                errors.Text(set.Value, $"{field}.value", IvrLimits.AttributeValueLength);
                NoNul(errors, set.Value, $"{field}.value");
                Successor(errors, next, set.Next, $"{field}.next");
                break;
            case IvrQueueNode queue:
                errors.Id(queue.QueueId, $"{field}.queueId");
                Prompt(errors, queue.Prompt, $"{field}.prompt", required: false);
                errors.Range(queue.CallerBoost, 0, IvrLimits.MaxCallerBoost, $"{field}.callerBoost");
                Skills(errors, queue.RequiredSkills, $"{field}.requiredSkills");
                break;
            case IvrVoicemailNode voicemail:
                Prompt(errors, voicemail.Prompt, $"{field}.prompt");
                errors.Id(voicemail.MailboxId, $"{field}.mailboxId");
                errors.Require(voicemail.MaxDuration >= IvrLimits.MinVoicemail && voicemail.MaxDuration <= IvrLimits.MaxVoicemail,
                    $"{field}.maxDuration", "must be between 5 seconds and 10 minutes");
                Successor(errors, next, voicemail.Next, $"{field}.next", required: false);
                break;
            case IvrCallbackNode callback:
                Prompt(errors, callback.Prompt, $"{field}.prompt");
                Key(errors, callback.AcceptDigit, $"{field}.acceptDigit");
                Prompt(errors, callback.TimePrompt, $"{field}.timePrompt", required: false);
                errors.Id(callback.QueueId, $"{field}.queueId");
                KeyTimeout(errors, callback.Timeout, $"{field}.timeout");
                Successor(errors, next, callback.Accepted, $"{field}.accepted");
                Successor(errors, next, callback.Declined, $"{field}.declined");
                break;
            case IvrAnnouncementNode announcement:
                errors.Id(announcement.AnnouncementId, $"{field}.announcementId");
                Successor(errors, next, announcement.Next, $"{field}.next");
                break;
            case IvrOutOfHoursNode outOfHours:
                Prompt(errors, outOfHours.Prompt, $"{field}.prompt");
                Successor(errors, next, outOfHours.Next, $"{field}.next", required: false);
                break;
            case IvrHttpLookupNode lookup:
                HttpLookup(errors, lookup, field, next);
                break;
            case IvrTransferNode transfer:
                Transfer(errors, transfer, field, next);
                break;
            case IvrHangupNode hangup:
                Prompt(errors, hangup.Prompt, $"{field}.prompt", required: false);
                break;
            default:
                errors.Add(field, "is not a known node kind");
                break;
        }
    }

    private static void Menu(FieldErrorsBuilder errors, IvrMenuNode menu, string field,
        List<(string Field, string Target)> next)
    {
        Prompt(errors, menu.Prompt, $"{field}.prompt");
        var choices = Defaulted(menu.Choices);
        errors.Require(!choices.IsEmpty, $"{field}.choices", "must hold at least one choice");
        var digits = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < choices.Length; i++)
        {
            var choice = $"{field}.choices[{i}]";
            if (choices[i] is not { } c)
            {
                errors.Add(choice, "is required");
                continue;
            }
            Key(errors, c.Digit, $"{choice}.digit");
            if (c.Digit is not null && !digits.Add(c.Digit))
            {
                errors.Add($"{choice}.digit", "duplicates an earlier choice");
            }
            Successor(errors, next, c.Next, $"{choice}.next");
        }
        KeyTimeout(errors, menu.Timeout, $"{field}.timeout");
        Retries(errors, menu.MaxRetries, $"{field}.maxRetries");
        Prompt(errors, menu.InvalidPrompt, $"{field}.invalidPrompt", required: false);
        Successor(errors, next, menu.Fallback, $"{field}.fallback", required: false);
    }

    private static void Input(FieldErrorsBuilder errors, IvrInputNode input, string field,
        List<(string Field, string Target)> next)
    {
        Prompt(errors, input.Prompt, $"{field}.prompt");
        errors.Id(input.Attribute, $"{field}.attribute");
        errors.Range(input.MaxDigits, 1, IvrLimits.MaxInputDigits, $"{field}.maxDigits");
        errors.Range(input.MinDigits, 1, Math.Clamp(input.MaxDigits, 1, IvrLimits.MaxInputDigits), $"{field}.minDigits");
        errors.Require(input.Terminator is "" or "#" or "*", $"{field}.terminator", "must be #, * or empty");
        KeyTimeout(errors, input.Timeout, $"{field}.timeout");
        Retries(errors, input.MaxRetries, $"{field}.maxRetries");
        Successor(errors, next, input.Next, $"{field}.next");
        Successor(errors, next, input.Fallback, $"{field}.fallback", required: false);
    }

    private static void Caller(FieldErrorsBuilder errors, IvrCallerNode caller, string field,
        List<(string Field, string Target)> next)
    {
        var rules = IvrItems(errors, caller.Rules, IvrLimits.MaxCallerRules, $"{field}.rules", "rules");
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = $"{field}.rules[{i}]";
            if (rules[i] is not { } r)
            {
                errors.Add(rule, "is required");
                continue;
            }
            var numbers = Defaulted(r.Numbers);
            var prefixes = Defaulted(r.Prefixes);
            errors.Require(numbers.Length + prefixes.Length <= IvrLimits.MaxRuleNumbers, rule,
                $"must hold at most {IvrLimits.MaxRuleNumbers} numbers and prefixes");
            errors.Require(!numbers.IsEmpty || !prefixes.IsEmpty || r.Status is not null, rule,
                "must match on numbers, prefixes or status");
            for (var j = 0; j < numbers.Length; j++)
            {
                PhoneNormalForm(errors, numbers[j], $"{rule}.numbers[{j}]");
            }
            errors.Distinct(numbers, n => n ?? "", $"{rule}.numbers", "number");
            for (var j = 0; j < prefixes.Length; j++)
            {
                errors.Require(prefixes[j] is not null && PrefixPattern().IsMatch(prefixes[j]), $"{rule}.prefixes[{j}]",
                    "must be an optional '+' and 1-20 digits");
            }
            errors.Distinct(prefixes, p => p ?? "", $"{rule}.prefixes", "prefix");
            errors.Require(r.Status is not { } status || Enum.IsDefined(status), $"{rule}.status",
                "is not a known contact status");
            Successor(errors, next, r.Next, $"{rule}.next");
        }
        Successor(errors, next, caller.Default, $"{field}.default");
    }

    private static void Transfer(FieldErrorsBuilder errors, IvrTransferNode transfer, string field,
        List<(string Field, string Target)> next)
    {
        if (transfer.Number is null && transfer.AgentId is null)
        {
            errors.Add($"{field}.number", "is required unless agentId is set");
        }
        else if (transfer.Number is not null && transfer.AgentId is not null)
        {
            errors.Add($"{field}.agentId", "must not be set together with number");
        }
        else if (transfer.Number is not null)
        {
            errors.PhoneNumber(transfer.Number, $"{field}.number");
        }
        else
        {
            errors.Id(transfer.AgentId, $"{field}.agentId");
        }
        Prompt(errors, transfer.Prompt, $"{field}.prompt", required: false);
        Successor(errors, next, transfer.Failed, $"{field}.failed", required: false);
    }
}
