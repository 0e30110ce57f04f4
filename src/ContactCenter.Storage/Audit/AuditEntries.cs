using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactCenter.Storage.Audit;

/// <summary>The rules both logs apply on append and query, so they store and return the same entries.</summary>
internal static class AuditEntries
{
    /// <summary>What a masked value becomes.</summary>
    public const string Mask = "***";

    // Lower-case fragments of JSON member names whose values are never written to the log: passwords, digest hashes
    // (SIP credentials), secrets, API keys and tokens. Whole values are replaced, objects and arrays included.
    private static readonly string[] SecretNameParts = ["password", "passwd", "secret", "hash", "credential", "token", "apikey", "privatekey"];

    private static readonly JsonSerializerOptions MaskedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The entry as a log stores it: stamped <paramref name="at"/> (UTC, whole microseconds, as PostgreSQL
    /// keeps it) at <paramref name="sequence"/>, secrets masked; <see cref="ArgumentException"/> when invalid.</summary>
    public static AuditEntry Prepare(AuditEntry entry, DateTimeOffset at, long sequence)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Actor, nameof(entry));
        ArgumentException.ThrowIfNullOrEmpty(entry.Action, nameof(entry));
        ArgumentException.ThrowIfNullOrEmpty(entry.Kind, nameof(entry));
        ArgumentException.ThrowIfNullOrEmpty(entry.TargetId, nameof(entry));
        if (!Enum.IsDefined(entry.Outcome))
        {
            throw new ArgumentException($"outcome {entry.Outcome} is not defined", nameof(entry));
        }
        var utc = at.ToUniversalTime();
        return entry with
        {
            Sequence = sequence,
            At = utc.AddTicks(-(utc.Ticks % (TimeSpan.TicksPerMillisecond / 1000))),
            Before = MaskSecrets(entry.Before),
            After = MaskSecrets(entry.After),
        };
    }

    /// <summary><paramref name="json"/> with the value of every member whose name looks secret replaced by
    /// <see cref="Mask"/>; unchanged (verbatim) when there is none. <see cref="ArgumentException"/> when not JSON.</summary>
    public static string? MaskSecrets(string? json)
    {
        if (json is null)
        {
            return null;
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"an audit document is not JSON: {e.Message}", nameof(json), e);
        }
        return MaskNode(root) ? root!.ToJsonString(MaskedJson) : json;
    }

    public static void CheckLimit(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, AuditQuery.MaxLimit, nameof(query));
    }

    private static bool MaskNode(JsonNode? node)
    {
        var masked = false;
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, value) in members.ToList())
                {
                    if (value is not null && IsSecret(name))
                    {
                        members[name] = Mask;
                        masked = true;
                    }
                    else
                    {
                        masked |= MaskNode(value);
                    }
                }
                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    masked |= MaskNode(item);
                }
                break;
        }
        return masked;
    }

    private static bool IsSecret(string name)
    {
        var normalized = name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return SecretNameParts.Any(part => normalized.Contains(part, StringComparison.OrdinalIgnoreCase));
    }
}
