using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ContactCenter.Contracts.Contacts;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Validation;

// The IVR tree overload is a partial of the one document validator (so the store and the API validate every document
// the same way) kept beside the IVR records it checks.
namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    private const string DtmfKeys = "0123456789*#";

    /// <summary>Validates an IVR tree: the header, every node's own fields, that node ids are unique, that the start
    /// node and every successor named by a node exist, and the shape of the graph: every node is reachable from the
    /// start node (an unreachable node is an error: it is a dangling branch left by an edit), and every loop passes
    /// through a node that waits for the caller (menu, input, callback, voicemail), since a loop of playing, branching
    /// and lookups alone would spin for ever. Whether referenced queues, prompts, mailboxes and announcements exist is
    /// the document store's check.</summary>
    public static FieldErrors Validate(IvrTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var errors = Header(tree.Id, tree.Version, tree.Name);
        errors.Text(tree.Description, "description", 1000, required: false);
        errors.Require(tree.Language is not null && LanguagePattern().IsMatch(tree.Language), "language",
            "must be a language tag such as en or en-GB");
        TimeZone(errors, tree.TimeZoneId, "timeZoneId");
        errors.Id(tree.StartNodeId, "startNodeId");
        var nodes = Defaulted(tree.Nodes);
        if (nodes.IsEmpty)
        {
            errors.Add("nodes", "must hold at least one node");
            return errors.Build();
        }
        if (nodes.Length > IvrLimits.MaxNodes)
        {
            // Checking a huge tree node by node would only bury this error; the graph checks are quadratic.
            errors.Add("nodes", $"must hold at most {IvrLimits.MaxNodes} nodes");
            return errors.Build();
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] is not { } node)
            {
                errors.Add($"nodes[{i}]", "is required");
                continue;
            }
            errors.Id(node.Id, $"nodes[{i}].id");
            if (node.Id is not null && !index.TryAdd(node.Id, i))
            {
                errors.Add($"nodes[{i}].id", "duplicates an earlier node id");
            }
        }
        int? start = null;
        if (tree.StartNodeId is not null)
        {
            if (index.TryGetValue(tree.StartNodeId, out var s))
            {
                start = s;
            }
            else
            {
                errors.Add("startNodeId", "is not a node of the tree");
            }
        }

        var successors = new List<int>[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            successors[i] = [];
            if (nodes[i] is null)
            {
                continue;
            }
            var references = new List<(string Field, string Target)>();
            IvrNodeFields(errors, nodes[i], $"nodes[{i}]", references);
            foreach (var (field, target) in references)
            {
                if (index.TryGetValue(target, out var j))
                {
                    successors[i].Add(j);
                }
                else
                {
                    errors.Add(field, "is not a node of the tree");
                }
            }
        }
        IvrGraph(errors, nodes, successors, start);
        return errors.Build();
    }

    private static void TimeZone(FieldErrorsBuilder errors, string? timeZoneId, string field)
    {
        if (string.IsNullOrEmpty(timeZoneId))
        {
            errors.Add(field, "is required");
        }
        else
        {
            errors.Require(TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _), field,
                "is not a known IANA time zone id");
        }
    }

    private static void Prompt(FieldErrorsBuilder errors, IvrPrompt? prompt, string field, bool required = true)
    {
        if (prompt is null)
        {
            errors.Require(!required, field, "is required");
            return;
        }
        if ((prompt.PromptId is null) == (prompt.Text is null))
        {
            errors.Add(field, "must set exactly one of promptId and text");
            return;
        }
        if (prompt.PromptId is not null)
        {
            errors.Id(prompt.PromptId, $"{field}.promptId");
        }
        else
        {
            errors.Text(prompt.Text, $"{field}.text", IvrLimits.PromptTextLength);
            NoNul(errors, prompt.Text, $"{field}.text");
        }
    }

    private static void Key(FieldErrorsBuilder errors, string? digit, string field) =>
        errors.Require(digit is { Length: 1 } && DtmfKeys.Contains(digit[0], StringComparison.Ordinal), field,
            "must be one DTMF key: 0-9, * or #");

    private static void KeyTimeout(FieldErrorsBuilder errors, TimeSpan timeout, string field)
    {
        errors.Positive(timeout, field);
        errors.Require(timeout <= IvrLimits.MaxKeyTimeout, field,
            $"must be at most {IvrLimits.MaxKeyTimeout.TotalSeconds:0} seconds");
    }

    private static void Retries(FieldErrorsBuilder errors, int retries, string field) =>
        errors.Range(retries, 0, IvrLimits.MaxRetries, field);

    /// <summary>Adds a successor reference to check against the tree's node ids; a missing required one is an error
    /// at once.</summary>
    private static void Successor(FieldErrorsBuilder errors, List<(string Field, string Target)> references,
        string? target, string field, bool required = true)
    {
        if (target is null)
        {
            errors.Require(!required, field, "is required");
        }
        else
        {
            references.Add((field, target));
        }
    }

    // Language tags as BCP 47 writes the common ones: a 2-3 letter language and optional subtags (region, script).
    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"^\+?[0-9]{1,20}$")]
    private static partial Regex PrefixPattern();

    // A placeholder is a name (with an optional ':argument') in braces; JSON's own braces never start with a letter.
    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*(?::[^{}\s""]*)?)\}")]
    private static partial Regex PlaceholderPattern();

    private static ImmutableArray<T> IvrItems<T>(FieldErrorsBuilder errors, ImmutableArray<T> items, int max,
        string field, string what)
    {
        items = Defaulted(items);
        errors.Require(items.Length <= max, field, $"must hold at most {max} {what}");
        return items;
    }

    private static void PhoneNormalForm(FieldErrorsBuilder errors, string? number, string field) =>
        errors.Require(number is not null && PhoneNumber.Normalize(number) == number, field,
            $"must be a number in normal form: an optional '+' and {PhoneNumber.MinDigits}-{PhoneNumber.MaxDigits} digits");
}
