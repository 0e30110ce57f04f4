using System.Text.RegularExpressions;
using ContactCenter.Contracts.Validation;

namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    /// <summary>The most chats (or other text interactions) one agent may hold at once.</summary>
    public const int MaxTextCapacity = 20;

    /// <summary>Validates an agent profile.</summary>
    public static FieldErrors Validate(AgentProfile agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var errors = Header(agent.Id, agent.Version, agent.Name);

        var skills = Defaulted(agent.Skills);
        for (var i = 0; i < skills.Length; i++)
        {
            errors.Id(skills[i].SkillId, $"skills[{i}].skillId");
            errors.Range(skills[i].Level, SkillLevel.Min, SkillLevel.Max, $"skills[{i}].level");
        }
        errors.Distinct(skills, s => s.SkillId, "skills", "skill");

        var queues = Defaulted(agent.Queues);
        for (var i = 0; i < queues.Length; i++)
        {
            errors.Id(queues[i].QueueId, $"queues[{i}].queueId");
            errors.Range(queues[i].Priority, 1, 10, $"queues[{i}].priority");
        }
        errors.Distinct(queues, q => q.QueueId, "queues", "queue");

        var capacities = Defaulted(agent.Capacities);
        for (var i = 0; i < capacities.Length; i++)
        {
            var field = $"capacities[{i}]";
            if (!Enum.IsDefined(capacities[i].Medium))
            {
                errors.Add($"{field}.medium", "is not a known medium");
                continue;
            }
            // A voice slot is one call: the phone (or the persistent line) carries one conversation at a time.
            var max = capacities[i].Medium == Medium.Voice ? 1 : MaxTextCapacity;
            errors.Range(capacities[i].Max, 0, max, $"{field}.max");
        }
        errors.Distinct(capacities, c => c.Medium.ToString(), "capacities", "medium");

        errors.Require(Enum.IsDefined(agent.LineMode), "lineMode", "is not a known line mode");
        if (agent.Phone is not null)
        {
            errors.Text(agent.Phone, "phone", 128);
            errors.Require(!agent.Phone.Any(char.IsWhiteSpace), "phone", "must not contain spaces");
        }
        var numbers = Defaulted(agent.ExternalNumbers);
        for (var i = 0; i < numbers.Length; i++)
        {
            errors.PhoneNumber(numbers[i], $"externalNumbers[{i}]");
        }
        errors.Distinct(numbers, n => n, "externalNumbers", "number");
        if (agent.NoAnswerPolicyId is not null)
        {
            errors.Id(agent.NoAnswerPolicyId, "noAnswerPolicyId");
        }
        SipAccount(errors, agent);
        return errors.Build();
    }

    // Uniqueness of SIP user names across profiles is the front end's concern (the first profile found wins), not a
    // rule of one document.
    private static void SipAccount(FieldErrorsBuilder errors, AgentProfile agent)
    {
        if (agent.SipUsername is not null)
        {
            errors.Require(SipUsernamePattern().IsMatch(agent.SipUsername), "sipUsername",
                "must be 1-64 characters of letters, digits, '.', '_' or '-'");
        }
        if (agent.SipPasswordMd5Ha1 is not null)
        {
            errors.Require(Md5Ha1Pattern().IsMatch(agent.SipPasswordMd5Ha1), "sipPasswordMd5Ha1", "must be 32 lower-case hex digits");
            errors.Require(agent.SipUsername is not null, "sipPasswordMd5Ha1", "needs a SIP user name");
        }
        if (agent.SipPasswordSha256Ha1 is not null)
        {
            errors.Require(Sha256Ha1Pattern().IsMatch(agent.SipPasswordSha256Ha1), "sipPasswordSha256Ha1", "must be 64 lower-case hex digits");
            errors.Require(agent.SipUsername is not null, "sipPasswordSha256Ha1", "needs a SIP user name");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SipUsernamePattern();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Md5Ha1Pattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Ha1Pattern();
}
