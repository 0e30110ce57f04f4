using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Validation;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Apis;

/// <summary>User accounts (ADM-1), for admins: list, read, create, replace and delete accounts (roles, permissions, the
/// agent profile worked as, the report access filter, disabled), and set an account's password. Writes are
/// compare-and-swaps on the account's version and audited; no response, audit entry or log line carries a password or
/// its hash; the last enabled admin cannot be demoted, disabled or deleted.</summary>
public static class UsersApi
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = 10;

    /// <summary>The longest password accepted (hashing is deliberately slow; an unbounded input would make it a
    /// denial-of-service lever).</summary>
    public const int MaximumPasswordLength = 256;

    private const string Tag = "Users";

    internal static VersionedResource<UserResource> Resource { get; } = new(
        "userAccount",
        "user",
        user => user.Id,
        user => user.Version,
        async (services, id, cancel) => await Store(services).GetAsync<UserAccount>(id, cancel) is { } account ? UserResource.From(account) : null,
        async (services, user, cancel) => UserResource.From(await Store(services).CreateAsync(user.ToAccount(passwordHash: null), cancel)),
        async (services, user, version, cancel) =>
        {
            // A replaced account keeps its password: the hash read here goes with the compare-and-swap on the version.
            var stored = await Store(services).GetAsync<UserAccount>(user.Id, cancel);
            var account = user.ToAccount(stored?.PasswordHash);
            await KeepAnAdminAsync(Store(services), stored, account, cancel);
            return UserResource.From(await Store(services).UpdateAsync(account, version, cancel));
        },
        async (services, id, version, cancel) =>
        {
            await KeepAnAdminAsync(Store(services), await Store(services).GetAsync<UserAccount>(id, cancel), after: null, cancel);
            return await Store(services).DeleteAsync<UserAccount>(id, version, cancel);
        });

    /// <summary>Maps <c>GET /users</c>, <c>GET</c>, <c>PUT</c>, <c>DELETE /users/{id}</c> and
    /// <c>PUT /users/{id}/password</c> on <paramref name="api"/> (the <c>/api/v1</c> group), all for admins.</summary>
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/users", ListAsync)
            .WithName("ListUsers")
            .WithSummary("Lists user accounts by login name, a page at a time (pass nextAfterId as afterId).")
            .WithTags(Tag)
            .RequireAuthorization(Policies.Admin);
        api.MapItem("/users/{id}", Resource, "User", Tag, Policies.Admin, Policies.Admin, Policies.Admin);
        api.MapPut("/users/{id}/password", SetPasswordAsync)
            .WithName("SetUserPassword")
            .WithSummary($"Sets the account's password ({MinimumPasswordLength} to {MaximumPasswordLength} characters); the account's sessions stay valid until they next sign in.")
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Results<Ok<DocumentPage<UserResource>>, ValidationProblem>> ListAsync(
        string? afterId, int? limit, IDocumentStore store, CancellationToken cancellationToken)
    {
        var size = limit ?? DocumentPage<UserAccount>.DefaultLimit;
        if (ApiProblems.CheckPageLimit<UserAccount>(size) is { } invalid)
        {
            return invalid;
        }
        var page = await store.ListAsync<UserAccount>(afterId, size, cancellationToken);
        return TypedResults.Ok(new DocumentPage<UserResource>([.. page.Items.Select(UserResource.From)], page.NextAfterId));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetPasswordAsync(
        string id, PasswordChange body, HttpContext http, IDocumentStore store)
    {
        var account = await store.GetAsync<UserAccount>(id, http.RequestAborted);
        return account is null
            ? ApiProblems.NotFound(Resource.Noun, id)
            : await StorePasswordAsync(http, account, body.Password, "password");
    }

    /// <summary>Stores the hash of <paramref name="password"/> on <paramref name="account"/> (when it has
    /// <see cref="MinimumPasswordLength"/> to <see cref="MaximumPasswordLength"/> characters; otherwise 400 on
    /// <paramref name="field"/>) and audits the attempt — without the password or its hash.</summary>
    internal static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> StorePasswordAsync(
        HttpContext http, UserAccount account, string? password, string field)
    {
        var hasher = http.RequestServices.GetRequiredService<IPasswordHasher<UserAccount>>();
        (string, string)? invalid = password is not { Length: >= MinimumPasswordLength and <= MaximumPasswordLength } || string.IsNullOrWhiteSpace(password)
            ? (field, $"must have {MinimumPasswordLength} to {MaximumPasswordLength} characters")
            : null;
        return SecretWrites.StoreAsync(http, Resource, "password", account.Id, account, account.Version, UserResource.From, a => a.Version,
            invalid, a => a with { PasswordHash = hasher.HashPassword(a, password!) });
    }

    /// <summary>Refuses a change that would leave the site without an enabled admin (nobody could then manage the
    /// accounts): the last one keeps the role, stays enabled and is not deleted. Two admins demoting each other at the
    /// same instant can both pass this check; the audit log shows who did it.</summary>
    private static async Task KeepAnAdminAsync(IDocumentStore store, UserAccount? before, UserAccount? after, CancellationToken cancellationToken)
    {
        if (before is null || !IsEnabledAdmin(before) || (after is not null && IsEnabledAdmin(after)))
        {
            return;
        }
        if (await store.ReadAllAsync<UserAccount>(cancellationToken).AnyAsync(a => a.Id != before.Id && IsEnabledAdmin(a), cancellationToken))
        {
            return;
        }
        var field = after is null ? "id" : after.Disabled ? "disabled" : "roles";
        throw new InvalidDocumentException(DocumentKind.UserAccount, before.Id,
            FieldErrors.Of(field, "the last enabled admin keeps the admin role, stays enabled and is not deleted"));
    }

    private static bool IsEnabledAdmin(UserAccount account) => !account.Disabled && account.Roles.Contains(UserRoles.Admin);

    private static IDocumentStore Store(IServiceProvider services) => services.GetRequiredService<IDocumentStore>();
}
