using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContactCenter.Storage.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Apis;

/// <summary>Appends the audit entry of a write attempted through the API (ADM-4): the signed-in user, the client
/// address and the document before and after, as the API serialises it (the log masks secret-like members).</summary>
internal static class ApiAudit
{
    /// <summary>Who the entry names when the principal carries no name (an authentication scheme without a name
    /// claim): the write is still recorded.</summary>
    public const string UnnamedActor = "(unnamed)";

    // The API's options, but writing non-ASCII text and quotes as they are: the log is read by people and exported as
    // CSV, not embedded in HTML. One derived instance per options instance, so its metadata cache is reused.
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> AuditJson = [];

    public static async Task AppendAsync<T>(HttpContext http, string kind, string verb, string targetId, AuditOutcome outcome,
        T? before, T? after)
        where T : class
    {
        var services = http.RequestServices;
        var json = AuditJson.GetValue(services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions,
            api => new JsonSerializerOptions(api) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await services.GetRequiredService<IAuditLog>().AppendAsync(new AuditEntry
        {
            Actor = http.User.Identity?.Name is { Length: > 0 } name ? name : UnnamedActor,
            Action = $"{kind}.{verb}",
            Kind = kind,
            TargetId = targetId,
            Outcome = outcome,
            Before = before is null ? null : JsonSerializer.Serialize(before, json),
            After = after is null ? null : JsonSerializer.Serialize(after, json),
            ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
        }, CancellationToken.None); // the write is decided: a client gone meanwhile must not cost its entry
    }
}
