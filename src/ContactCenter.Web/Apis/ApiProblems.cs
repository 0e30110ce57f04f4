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
