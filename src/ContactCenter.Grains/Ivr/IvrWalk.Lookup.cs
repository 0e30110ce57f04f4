using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Grains.Ivr;

internal sealed partial class IvrWalk
{
    /// <summary>The lookup with its templates filled in: values URL-encoded in the URL, JSON-escaped in the body.</summary>
    private IvrLookupRequest Request(IvrHttpLookupNode lookup) =>
        new(lookup.Method, Fill(lookup.Url, Uri.EscapeDataString), lookup.Body is { } body ? Fill(body, JsonEscape) : null, lookup.Timeout);

    private string Fill(string template, Func<string, string> encode) =>
        PlaceholderPattern().Replace(template, match => encode(match.Groups[1].Value switch
        {
            "caller" => context.CallerNumber ?? "",
            "called" => context.CalledNumber,
            "callId" => context.CallId,
            var name when name.StartsWith("attr:", StringComparison.Ordinal) => _attributes.GetValueOrDefault(name["attr:".Length..], ""),
            _ => match.Value,
        }));

    private static string JsonEscape(string value) => JsonEncodedText.Encode(value).ToString();

    private IvrStep Answered(IvrHttpLookupNode lookup, IvrLookupAnswered answer)
    {
        if (answer.StatusCode is < 200 or > 299)
        {
            return Failed(lookup, $"status {answer.StatusCode.ToString(CultureInfo.InvariantCulture)}");
        }
        string? value;
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            value = Resolve(document.RootElement, lookup.ResultPath) is { } element ? Text(element) : null;
        }
        catch (JsonException)
        {
            return Failed(lookup, "the answer is not JSON");
        }
        if (value is null)
        {
            return Failed(lookup, $"the answer has no {lookup.ResultPath}");
        }
        if (lookup.SaveAs is { } saveAs)
        {
            SetAttribute(saveAs, value.Length > IvrLimits.AttributeValueLength ? value[..IvrLimits.AttributeValueLength] : value);
        }
        var branch = lookup.Branches.IsDefault ? null : lookup.Branches.FirstOrDefault(b => string.Equals(b.Value, value, StringComparison.Ordinal));
        Trace(lookup, branch is null ? $"answered {value}: default branch" : $"answered {value}");
        return Finish(WalkFrom(branch?.Next ?? lookup.Default, retries: 0));
    }

    private IvrStep Failed(IvrHttpLookupNode lookup, string reason)
    {
        Trace(lookup, $"lookup failed: {reason}");
        return Finish(WalkFrom(lookup.Error, retries: 0));
    }

    /// <summary>The value at an RFC 6901 JSON Pointer; null when it is not there.</summary>
    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return root;
        }
        var current = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var property))
            {
                current = property;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength() && (token == "0" || token[0] != '0'))
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }
        return current;
    }

    /// <summary>A value as branches compare it: a string's content, anything else as written in JSON.</summary>
    private static string Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*(?::[^{}\s""]*)?)\}")]
    private static partial Regex PlaceholderPattern();
}
