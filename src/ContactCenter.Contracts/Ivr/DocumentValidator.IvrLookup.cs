using System.Text.Json;
using ContactCenter.Contracts.Ivr;
using ContactCenter.Contracts.Validation;

namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    private static void HttpLookup(FieldErrorsBuilder errors, IvrHttpLookupNode lookup, string field,
        List<(string Field, string Target)> next)
    {
        errors.Require(Enum.IsDefined(lookup.Method), $"{field}.method", "is not a known HTTP method");
        if (string.IsNullOrWhiteSpace(lookup.Url))
        {
            errors.Add($"{field}.url", "is required");
        }
        else if (lookup.Url.Length > IvrLimits.UrlLength)
        {
            errors.Add($"{field}.url", $"must be at most {IvrLimits.UrlLength} characters");
        }
        else if (Template(errors, lookup.Url, $"{field}.url", bracesAllowed: false) is { } url)
        {
            // Placeholders stand in for URL-encoded values, so the template with sample values must be a valid URL.
            errors.Require(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && uri.Host.Length > 0, $"{field}.url", "must be an absolute http or https URL");
        }
        if (lookup.Body is not null)
        {
            if (lookup.Method != IvrHttpMethod.Post)
            {
                errors.Add($"{field}.body", "is only used with POST");
            }
            else if (lookup.Body.Length > IvrLimits.BodyLength)
            {
                errors.Add($"{field}.body", $"must be at most {IvrLimits.BodyLength} characters");
            }
            else if (Template(errors, lookup.Body, $"{field}.body", bracesAllowed: true) is { } body)
            {
                errors.Require(IsJson(body), $"{field}.body", "must be JSON once its placeholders are filled in");
            }
        }
        errors.Positive(lookup.Timeout, $"{field}.timeout");
        errors.Require(lookup.Timeout <= IvrLimits.MaxLookupTimeout, $"{field}.timeout",
            $"must be at most {IvrLimits.MaxLookupTimeout.TotalSeconds:0} seconds");
        errors.Require(IsJsonPointer(lookup.ResultPath), $"{field}.resultPath",
            $"must be a JSON Pointer (empty or starting with '/', '~' only as ~0 or ~1) of at most {IvrLimits.ResultPathLength} characters");
        if (lookup.SaveAs is not null)
        {
            errors.Id(lookup.SaveAs, $"{field}.saveAs");
        }
        var branches = IvrItems(errors, lookup.Branches, IvrLimits.MaxLookupBranches, $"{field}.branches", "branches");
        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < branches.Length; i++)
        {
            var branch = $"{field}.branches[{i}]";
            if (branches[i] is not { } b)
            {
                errors.Add(branch, "is required");
                continue;
            }
            if (b.Value is null)
            {
                errors.Add($"{branch}.value", "is required");
            }
            else if (b.Value.Length > IvrLimits.BranchValueLength)
            {
                errors.Add($"{branch}.value", $"must be at most {IvrLimits.BranchValueLength} characters");
            }
            else if (!values.Add(b.Value))
            {
                errors.Add($"{branch}.value", "duplicates an earlier branch");
            }
            Successor(errors, next, b.Next, $"{branch}.next");
        }
        Successor(errors, next, lookup.Default, $"{field}.default");
        Successor(errors, next, lookup.Error, $"{field}.error");
    }

    /// <summary>Checks the placeholders of a lookup template and returns it with each replaced by a sample value, or
    /// null when a placeholder is unknown or (in a URL, where braces have no other use) a brace is left over. In a JSON
    /// body other braces are the JSON's own.</summary>
    private static string? Template(FieldErrorsBuilder errors, string template, string field, bool bracesAllowed)
    {
        var valid = true;
        var sample = PlaceholderPattern().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            var known = name is "caller" or "called" or "callId"
                || (name.StartsWith("attr:", StringComparison.Ordinal) && IsAttributeName(name["attr:".Length..]));
            if (!known)
            {
                errors.Add(field, $"has an unknown placeholder {{{name}}}; use {{caller}}, {{called}}, {{callId}} or {{attr:name}}");
                valid = false;
            }
            return "0";
        });
        if (!bracesAllowed && (sample.Contains('{', StringComparison.Ordinal) || sample.Contains('}', StringComparison.Ordinal)))
        {
            errors.Add(field, "has a brace outside a placeholder");
            valid = false;
        }
        return valid ? sample : null;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsAttributeName(string name)
    {
        var probe = new FieldErrorsBuilder();
        probe.Id(name, "name");
        return probe.Build().IsValid;
    }

    private static bool IsJsonPointer(string? pointer)
    {
        if (pointer is null || pointer.Length > IvrLimits.ResultPathLength)
        {
            return false;
        }
        if (pointer.Length == 0)
        {
            return true;
        }
        if (pointer[0] != '/')
        {
            return false;
        }
        for (var i = 0; i < pointer.Length; i++)
        {
            if (pointer[i] == '~' && (i + 1 == pointer.Length || pointer[i + 1] is not ('0' or '1')))
            {
                return false;
            }
        }
        return true;
    }
}
