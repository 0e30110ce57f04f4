using ContactCenter.Storage.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Web.Apis;

/// <summary>The item endpoints every versioned resource shares: read with its <c>ETag</c>, create or replace with
/// <c>PUT</c> under <c>If-None-Match</c>/<c>If-Match</c>, delete under <c>If-Match</c>; each write audited, committed
/// or refused.</summary>
internal static class VersionedEndpoints
{
    /// <summary>Maps <c>GET</c>, <c>PUT</c> and <c>DELETE</c> of <paramref name="pattern"/> (which holds <c>{id}</c>),
    /// named <c>Get…</c>, <c>Put…</c> and <c>Delete…</c> + <paramref name="operation"/>.</summary>
    public static void MapItem<T>(this IEndpointRouteBuilder api, string pattern, VersionedResource<T> resource, string operation,
        string tag, string readPolicy, string writePolicy, string deletePolicy)
        where T : class
    {
        api.MapGet(pattern, (string id, HttpContext http) => GetAsync(resource, id, http))
            .WithName($"Get{operation}")
            .WithSummary($"Reads a {resource.Noun}; its version is the ETag.")
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(readPolicy);
        api.MapPut(pattern, (string id, T body, HttpContext http) => PutAsync(resource, id, body, http))
            .WithName($"Put{operation}")
            .WithSummary($"Creates a {resource.Noun} (no If-Match, or If-None-Match: *) or replaces it (If-Match: its ETag).")
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireAuthorization(writePolicy);
        api.MapDelete(pattern, (string id, HttpContext http) => DeleteAsync(resource, id, http))
            .WithName($"Delete{operation}")
            .WithSummary($"Deletes a {resource.Noun} (If-Match: its ETag).")
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireAuthorization(deletePolicy);
    }

    public static async Task<Results<Ok<T>, ProblemHttpResult>> GetAsync<T>(VersionedResource<T> resource, string id, HttpContext http)
        where T : class
    {
        var found = await resource.Get(http.RequestServices, id, http.RequestAborted);
        if (found is null)
        {
            return ApiProblems.NotFound(resource.Noun, id);
        }
        http.Response.Headers.ETag = WritePreconditions.Tag(resource.VersionOf(found));
        return TypedResults.Ok(found);
    }

    public static async Task<Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult>> PutAsync<T>(
        VersionedResource<T> resource, string id, T body, HttpContext http)
        where T : class
    {
        var services = http.RequestServices;
        var current = await resource.Get(services, id, http.RequestAborted);
        var verb = current is null ? "create" : "update";
        Task Audit(AuditOutcome outcome, T? after) => ApiAudit.AppendAsync(http, resource.Kind, verb, id, outcome, current, after);

        if (!string.Equals(resource.IdOf(body), id, StringComparison.Ordinal))
        {
            await Audit(AuditOutcome.Invalid, body);
            return ApiProblems.Invalid("id", $"must equal the id in the path ('{id}')");
        }
        var preconditions = WritePreconditions.Read(http.Request);
        if (preconditions.IfMatchAny)
        {
            return ApiProblems.PreconditionRequired("If-Match must name the version read (its ETag), not '*'.");
        }
        if (current is null && preconditions.IfMatch is not null)
        {
            await Audit(AuditOutcome.Conflict, body);
            return ApiProblems.PreconditionFailed($"There is no {resource.Noun} '{id}' to replace.");
        }
        if (current is not null)
        {
            if (preconditions.IfNoneMatchAny)
            {
                await Audit(AuditOutcome.Conflict, body);
                return ApiProblems.PreconditionFailed($"The {resource.Noun} '{id}' exists already.");
            }
            if (preconditions.IfMatch is null)
            {
                return ApiProblems.PreconditionRequired(
                    $"The {resource.Noun} '{id}' exists: send If-Match with the ETag read to replace it.");
            }
            if (!preconditions.Matches(resource.VersionOf(current)))
            {
                await Audit(AuditOutcome.Conflict, body);
                return ApiProblems.PreconditionFailed(
                    $"The {resource.Noun} '{id}' is at version {resource.VersionOf(current)}: read it again and decide again.");
            }
        }

        T stored;
        try
        {
            // The version compared is the one read above, which If-Match named: a writer that got in between makes
            // the store's compare-and-swap fail, and nothing is changed.
            stored = current is null
                ? await resource.Create(services, body, http.RequestAborted)
                : await resource.Update(services, body, resource.VersionOf(current), http.RequestAborted);
        }
        catch (Exception e) when (ApiProblems.ValidationErrorsOf(e) is { } errors)
        {
            await Audit(AuditOutcome.Invalid, body);
            return ApiProblems.Invalid(errors);
        }
        catch (Exception e) when (ApiProblems.IsConflict(e))
        {
            await Audit(AuditOutcome.Conflict, body);
            return ApiProblems.PreconditionFailed($"The {resource.Noun} '{id}' was changed meanwhile: read it again and decide again.");
        }
        await Audit(AuditOutcome.Succeeded, stored);
        http.Response.Headers.ETag = WritePreconditions.Tag(resource.VersionOf(stored));
        return current is null
            ? TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}", stored)
            : TypedResults.Ok(stored);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync<T>(VersionedResource<T> resource, string id, HttpContext http)
        where T : class
    {
        var services = http.RequestServices;
        var current = await resource.Get(services, id, http.RequestAborted);
        if (current is null)
        {
            return ApiProblems.NotFound(resource.Noun, id);
        }
        var preconditions = WritePreconditions.Read(http.Request);
        if (preconditions.IfMatch is null || preconditions.IfMatchAny)
        {
            return ApiProblems.PreconditionRequired($"Send If-Match with the ETag of the {resource.Noun} read to delete it.");
        }
        Task Audit(AuditOutcome outcome) => ApiAudit.AppendAsync<T>(http, resource.Kind, "delete", id, outcome, current, null);
        if (!preconditions.Matches(resource.VersionOf(current)))
        {
            await Audit(AuditOutcome.Conflict);
            return ApiProblems.PreconditionFailed(
                $"The {resource.Noun} '{id}' is at version {resource.VersionOf(current)}: read it again and decide again.");
        }
        bool deleted;
        try
        {
            deleted = await resource.Delete(services, id, resource.VersionOf(current), http.RequestAborted);
        }
        catch (Exception e) when (ApiProblems.ValidationErrorsOf(e) is { } errors)
        {
            await Audit(AuditOutcome.Invalid);
            return ApiProblems.Invalid(errors);
        }
        catch (Exception e) when (ApiProblems.IsConflict(e))
        {
            await Audit(AuditOutcome.Conflict);
            return ApiProblems.PreconditionFailed($"The {resource.Noun} '{id}' was changed meanwhile: read it again and decide again.");
        }
        if (!deleted)
        {
            return ApiProblems.NotFound(resource.Noun, id);
        }
        await Audit(AuditOutcome.Succeeded);
        return TypedResults.NoContent();
    }
}
