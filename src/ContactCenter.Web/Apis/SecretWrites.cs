using ContactCenter.Storage.Audit;
using ContactCenter.Storage.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Apis;

/// <summary>The one way the API stores a secret — a user's password hash, an agent's SIP hashes, a trunk's carrier
/// secret — into its document: a compare-and-swap on the version read, an audit entry of every attempt showing the
/// resource before and after (never the secret), 400 on the field that was wrong, 412 when the document changed
/// meanwhile, else 204 with the new ETag.</summary>
internal static class SecretWrites
{
    /// <summary>Writes <paramref name="change"/> of <paramref name="document"/> unless <paramref name="invalid"/> names
    /// a field and why it is refused.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> StoreAsync<TDocument, TResource>(
        HttpContext http, VersionedResource<TResource> resource, string verb, string id, TDocument document, long version,
        Func<TDocument, TResource> view, Func<TDocument, long> versionOf, (string Field, string Message)? invalid,
        Func<TDocument, TDocument> change)
        where TDocument : class
        where TResource : class
    {
        var before = view(document);
        Task Audit(AuditOutcome outcome, TResource after) => ApiAudit.AppendAsync(http, resource.Kind, verb, id, outcome, before, after);
        if (invalid is var (field, message))
        {
            await Audit(AuditOutcome.Invalid, before);
            return ApiProblems.Invalid(field, message);
        }
        TDocument stored;
        try
        {
            stored = await http.RequestServices.GetRequiredService<IDocumentStore>().UpdateAsync(change(document), version, http.RequestAborted);
        }
        catch (Exception e) when (ApiProblems.IsConflict(e))
        {
            await Audit(AuditOutcome.Conflict, before);
            return ApiProblems.PreconditionFailed($"The {resource.Noun} '{id}' was changed meanwhile: try again.");
        }
        await Audit(AuditOutcome.Succeeded, view(stored));
        http.Response.Headers.ETag = WritePreconditions.Tag(versionOf(stored));
        return TypedResults.NoContent();
    }
}
