using System.Security.Claims;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using ContactCenter.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Web.Apis;

/// <summary>Sign-in, sign-out and the signed-in user (<c>/auth</c>, ADM-1).</summary>
public static class AuthApi
{
    /// <summary>The longest user name or password accepted: longer input is refused before any hashing.</summary>
    public const int MaxCredentialLength = 256;

    private const string SignInFailedTitle = "Sign-in failed";
    private const string SignInFailedDetail = "The user name or password is incorrect, or the account is disabled.";

    /// <summary>Maps <c>POST /auth/login</c> (session cookie), <c>POST /auth/token</c> (bearer token),
    /// <c>POST /auth/logout</c>, <c>PUT /auth/password</c> (one's own) and <c>GET /auth/me</c> on <paramref name="api"/> (the <c>/api/v1</c> group). Needs
    /// <see cref="WebSecurityServiceCollectionExtensions.AddWebSecurity"/>.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var auth = api.MapGroup("/auth").WithTags("Auth");

        auth.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Signs in with a session cookie")
            .WithDescription("Checks the user name and password and sets the HttpOnly session cookie; 401 for bad credentials.");

        auth.MapPost("/token", TokenAsync)
            .AllowAnonymous()
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
            .WithName("CreateToken")
            .WithSummary("Issues a bearer access token")
            .WithDescription("Checks the user name and password and answers with an access token (send it as "
                             + "'Authorization: Bearer …') and a refresh token; 401 for bad credentials.");

        // As a Delegate: a handler taking only the HttpContext would otherwise bind as a RequestDelegate, which drops
        // the typed result.
        auth.MapPost("/logout", (Delegate)LogoutAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("Logout")
            .WithSummary("Ends the cookie session")
            .WithDescription("Removes the session cookie. A bearer token stays valid until it expires.");

        auth.MapPut("/password", ChangeOwnPasswordAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("ChangeOwnPassword")
            .WithSummary("Changes the signed-in user's password")
            .WithDescription($"Checks the current password and stores the new one ({UsersApi.MinimumPasswordLength} to "
                             + $"{UsersApi.MaximumPasswordLength} characters); 400 with the field when either is wrong.");

        auth.MapGet("/me", Me)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetCurrentUser")
            .WithSummary("The signed-in user")
            .WithDescription("The user's name, display name, roles, permissions and agent profile.");
        return api;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> LoginAsync(
        SignInRequest? request, IUserAuthenticator authenticator, HttpContext context, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }
        var principal = await authenticator.AuthenticateAsync(request!.UserName!, request.Password!,
            WebAuthenticationSchemes.Cookie, cancellationToken).ConfigureAwait(false);
        if (principal is null)
        {
            return SignInFailed();
        }
        await context.SignInAsync(WebAuthenticationSchemes.Cookie, principal).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> TokenAsync(
        SignInRequest? request, IUserAuthenticator authenticator, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }
        var principal = await authenticator.AuthenticateAsync(request!.UserName!, request.Password!,
            WebAuthenticationSchemes.Bearer, cancellationToken).ConfigureAwait(false);
        // The bearer handler writes the token response (AccessTokenResponse) itself.
        return principal is null ? SignInFailed() : TypedResults.SignIn(principal, authenticationScheme: WebAuthenticationSchemes.Bearer);
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(WebAuthenticationSchemes.Cookie).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangeOwnPasswordAsync(
        OwnPasswordChange body, IUserAuthenticator authenticator, IDocumentStore store, HttpContext http)
    {
        var name = http.User.Identity?.Name ?? "";
        // The current password is checked as a sign-in would check it (disabled accounts and unknown names fail alike).
        if (body.CurrentPassword is not { Length: > 0 } current
            || await authenticator.AuthenticateAsync(name, current, WebAuthenticationSchemes.Cookie, http.RequestAborted) is null
            || await store.GetAsync<UserAccount>(name, http.RequestAborted) is not { } account)
        {
            return ApiProblems.Invalid("currentPassword", "is not this account's password");
        }
        return await UsersApi.StorePasswordAsync(http, account, body.NewPassword, "newPassword");
    }

    private static Ok<CurrentUserResponse> Me(ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(UserClaimTypes.Name)
                   ?? throw new InvalidOperationException("a signed-in principal has no name claim");
        var permissions = user.FindAll(UserClaimTypes.Permission)
            .Select(claim => Enum.TryParse<UserPermission>(claim.Value, out var permission) ? permission : (UserPermission?)null)
            .OfType<UserPermission>()
            .ToList();
        return TypedResults.Ok(new CurrentUserResponse(
            name,
            user.FindFirstValue(UserClaimTypes.DisplayName) ?? name,
            [.. user.FindAll(UserClaimTypes.Role).Select(claim => claim.Value)],
            permissions,
            user.FindFirstValue(UserClaimTypes.AgentProfileId)));
    }

    private static ValidationProblem? Validate(SignInRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Check(request?.UserName, "userName", errors);
        Check(request?.Password, "password", errors);
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors, title: "The sign-in request is invalid");
    }

    private static void Check(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors[field] = ["is required"];
        }
        else if (value.Length > MaxCredentialLength)
        {
            errors[field] = [$"must be at most {MaxCredentialLength} characters"];
        }
    }

    // One answer for an unknown user, a wrong password and a disabled account, so the API does not reveal which
    // user names exist.
    private static ProblemHttpResult SignInFailed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: SignInFailedTitle, detail: SignInFailedDetail);
}
