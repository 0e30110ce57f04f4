using ContactCenter.Contracts.Contacts;
using ContactCenter.Storage.Contacts;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Web.Apis;

/// <summary>The contact directory's REST API: agents list, search, read, create and update contact cards and identify
/// callers by phone number or e-mail; supervisors delete. Writes are compare-and-swaps on the contact's version (its
/// ETag) and audited.</summary>
public static class ContactsApi
{
    /// <summary>The page size of a listing when none is given.</summary>
    public const int DefaultLimit = 100;

    private const string Tag = "Contacts";

    /// <summary>Maps <c>GET /contacts</c> (listing and name search), <c>GET /contacts/by-phone/{number}</c>,
    /// <c>GET /contacts/by-email/{address}</c> and <c>GET</c>, <c>PUT</c>, <c>DELETE /contacts/{id}</c> on
    /// <paramref name="api"/> (the <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/contacts", ListAsync)
            .WithName("ListContacts")
            .WithSummary("Lists contacts whose display name starts with name (all when absent), by name, a page at a time (pass nextCursor as cursor).")
            .WithTags(Tag)
            .RequireAuthorization(Policies.Agent);
        api.MapGet("/contacts/by-phone/{number}", FindByPhoneAsync)
            .WithName("FindContactsByPhone")
            .WithSummary("Every contact holding the phone number (formatted input is normalised); empty when none does.")
            .WithTags(Tag)
            .RequireAuthorization(Policies.Agent);
        api.MapGet("/contacts/by-email/{address}", FindByEmailAsync)
            .WithName("FindContactsByEmail")
            .WithSummary("Every contact holding the e-mail address, ignoring case; empty when none does.")
            .WithTags(Tag)
            .RequireAuthorization(Policies.Agent);
        api.MapItem("/contacts/{id}", ContactResource.Instance, "Contact", Tag, Policies.Agent, Policies.Agent, Policies.Supervisor);
        return api;
    }

    private static async Task<Results<Ok<ContactPage>, ValidationProblem>> ListAsync(
        string? name, int? limit, string? cursor, IContactDirectory directory, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await directory.ListAsync(name, limit ?? DefaultLimit, cursor, cancellationToken));
        }
        catch (ArgumentOutOfRangeException)
        {
            return ApiProblems.Invalid("limit", "is out of range");
        }
        catch (ArgumentException)
        {
            return ApiProblems.Invalid("cursor", "is not a cursor of this listing");
        }
    }

    private static async Task<Ok<IReadOnlyList<Contact>>> FindByPhoneAsync(
        string number, IContactDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.FindByPhoneAsync(number, cancellationToken));

    private static async Task<Ok<IReadOnlyList<Contact>>> FindByEmailAsync(
        string address, IContactDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.FindByEmailAsync(address, cancellationToken));
}
