using ContactCenter.Contracts.Validation;
using ContactCenter.Storage.Contacts;
using ContactCenter.Storage.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Apis;

/// <summary>The problem details the REST API answers with, and the store refusals they translate.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string noun, string id) =>
        TypedResults.Problem($"There is no {noun} '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed");

    public static ProblemHttpResult PreconditionRequired(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition required");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>A 400 on <c>limit</c> when a page of documents of <typeparamref name="T"/> may not hold
    /// <paramref name="size"/>; null when it may.</summary>
    public static ValidationProblem? CheckPageLimit<T>(int size) where T : class =>
        size is < 1 or > DocumentPage<T>.MaxLimit ? Invalid("limit", $"must be between 1 and {DocumentPage<T>.MaxLimit}") : null;

    public static ValidationProblem Invalid(FieldErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    /// <summary>The field errors of a store's validation refusal, or null for any other exception.</summary>
    public static FieldErrors? ValidationErrorsOf(Exception exception) => exception switch
    {
        InvalidDocumentException document => document.Errors,
        InvalidContactException contact => contact.Errors,
        _ => null,
    };

    /// <summary>True for a store's version conflict (a concurrent writer won between our read and write).</summary>
    public static bool IsConflict(Exception exception) =>
        exception is DocumentVersionConflictException or ContactVersionConflictException;
}
