using System.Text;
using ContactCenter.Storage.Audit;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Web.Apis;

/// <summary>The audit log's REST API (ADM-4), for admins: a page of entries, newest first, and the same query exported
/// as CSV.</summary>
public static class AuditApi
{
    private const string Tag = "Audit";

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Maps <c>GET /audit</c> and <c>GET /audit/export</c> on <paramref name="api"/> (the <c>/api/v1</c>
    /// group).</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/audit", QueryAsync)
            .WithName("QueryAudit")
            .WithSummary("Audit entries matching the filters, newest first, a page at a time (pass nextBefore as before).")
            .WithTags(Tag)
            .RequireAuthorization(Policies.Admin);
        api.MapGet("/audit/export", Export)
            .WithName("ExportAudit")
            .WithSummary("Every audit entry matching the filters, newest first, as CSV (RFC 4180).")
            .WithTags(Tag)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> QueryAsync(
        [AsParameters] AuditQueryParameters parameters, IAuditLog log, CancellationToken cancellationToken)
    {
        var query = parameters.ToQuery();
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
        {
            return ApiProblems.Invalid("limit", $"must be between 1 and {AuditQuery.MaxLimit}");
        }
        return TypedResults.Ok(await log.QueryAsync(query, cancellationToken));
    }

    private static PushStreamHttpResult Export([AsParameters] AuditQueryParameters parameters, IAuditLog log, HttpContext http)
    {
        var query = parameters.ToQuery() with { Limit = AuditQuery.MaxLimit };
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, Utf8, leaveOpen: true);
            await AuditCsv.WriteHeaderAsync(writer);
            var page = await log.QueryAsync(query, http.RequestAborted);
            while (true)
            {
                foreach (var entry in page.Items)
                {
                    await AuditCsv.WriteAsync(writer, entry);
                }
                if (page.NextBefore is not { } before)
                {
                    break;
                }
                await writer.FlushAsync(http.RequestAborted);
                page = await log.QueryAsync(query with { Before = before }, http.RequestAborted);
            }
        }, AuditCsv.ContentType, "audit.csv");
    }
}
