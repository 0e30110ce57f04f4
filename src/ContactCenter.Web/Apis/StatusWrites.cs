using ContactCenter.Storage.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Apis;

/// <summary>Status changes of a versioned resource (a voicemail heard, a callback completed): under <c>If-Match</c>,
/// a compare-and-swap on the version read, audited as <c>{kind}.status</c> committed or refused; and the status names
/// the API takes in bodies and filters.</summary>
internal static class StatusWrites
{
    /// <summary>Sets the status of the <paramref name="resource"/> <paramref name="id"/> to the one
    /// <paramref name="body"/> names, through <paramref name="withStatus"/>.</summary>
    public static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> ChangeAsync<T, TStatus>(
        VersionedResource<T> resource, string id, StatusChange? body, Func<T, TStatus, T> withStatus, HttpContext http)
        where T : class
        where TStatus : struct, Enum
    {
        var services = http.RequestServices;
        var current = await resource.Get(services, id, http.RequestAborted);
        if (current is null)
        {
            return ApiProblems.NotFound(resource.Noun, id);
        }
        Task Audit(AuditOutcome outcome, T after) => ApiAudit.AppendAsync(http, resource.Kind, "status", id, outcome, current, after);
        if (!TryParse<TStatus>(body?.Status, out var status))
        {
            await Audit(AuditOutcome.Invalid, current);
            return ApiProblems.Invalid("status", MustBeOneOf<TStatus>());
        }
        var preconditions = WritePreconditions.Read(http.Request);
        if (preconditions.IfMatch is null || preconditions.IfMatchAny)
        {
            return ApiProblems.PreconditionRequired($"Send If-Match with the ETag of the {resource.Noun} read to change its status.");
        }
        var changed = withStatus(current, status);
        if (!preconditions.Matches(resource.VersionOf(current)))
        {
            await Audit(AuditOutcome.Conflict, changed);
            return ApiProblems.PreconditionFailed(
                $"The {resource.Noun} '{id}' is at version {resource.VersionOf(current)}: read it again and decide again.");
        }
        T stored;
        try
        {
            stored = await resource.Update(services, changed, resource.VersionOf(current), http.RequestAborted);
        }
        catch (Exception e) when (ApiProblems.ValidationErrorsOf(e) is { } errors)
        {
            await Audit(AuditOutcome.Invalid, changed);
            return ApiProblems.Invalid(errors);
        }
        catch (Exception e) when (ApiProblems.IsConflict(e))
        {
            await Audit(AuditOutcome.Conflict, changed);
            return ApiProblems.PreconditionFailed($"The {resource.Noun} '{id}' was changed meanwhile: read it again and decide again.");
        }
        await Audit(AuditOutcome.Succeeded, stored);
        http.Response.Headers.ETag = WritePreconditions.Tag(resource.VersionOf(stored));
        return TypedResults.Ok(stored);
    }

    /// <summary>Reads a status by name, ignoring case; numbers and unknown names are refused.</summary>
    public static bool TryParse<TStatus>(string? text, out TStatus status) where TStatus : struct, Enum
    {
        var name = Enum.GetNames<TStatus>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        status = name is null ? default : Enum.Parse<TStatus>(name);
        return name is not null;
    }

    /// <summary>The field error of a status that <see cref="TryParse{TStatus}"/> refused.</summary>
    public static string MustBeOneOf<TStatus>() where TStatus : struct, Enum =>
        $"must be one of {string.Join(", ", Enum.GetNames<TStatus>())}";
}
