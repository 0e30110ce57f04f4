using ContactCenter.Contracts.Configuration;
using ContactCenter.Storage.Documents;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Security;

/// <summary>Creates demo user accounts at start-up when <see cref="WebSecurityOptions.SeedDemoUsers"/> is on and the
/// document store holds no user account at all (so it never adds to, or resets, real accounts). The accounts, by
/// login name and password:
/// <list type="table">
/// <item><term><c>admin</c> / <c>admin-demo</c></term><description>role admin, every permission.</description></item>
/// <item><term><c>supervisor</c> / <c>supervisor-demo</c></term><description>role supervisor, may listen to recordings
/// and manage callbacks.</description></item>
/// <item><term><c>agent1</c> / <c>agent1-demo</c></term><description>role agent, works as agent profile
/// <c>agent1</c>.</description></item>
/// <item><term><c>wallboard</c> / <c>wallboard-demo</c></term><description>role wallboard.</description></item>
/// </list>
/// The passwords are public: never turn this on for a real site.</summary>
public sealed partial class DemoUsers(
    IDocumentStore store,
    IPasswordHasher<UserAccount> hasher,
    IOptions<WebSecurityOptions> options,
    ILogger<DemoUsers> logger) : IHostedService
{
    /// <summary>The demo accounts with their clear passwords (before hashing).</summary>
    public static IReadOnlyList<(UserAccount Account, string Password)> Accounts { get; } =
    [
        (new UserAccount
        {
            Id = "admin", DisplayName = "Demo Admin", Roles = [UserRoles.Admin],
            Permissions = [UserPermission.ListenToRecordings, UserPermission.DownloadRecordings, UserPermission.ManageCallbacks],
        }, "admin-demo"),
        (new UserAccount
        {
            Id = "supervisor", DisplayName = "Demo Supervisor", Roles = [UserRoles.Supervisor],
            Permissions = [UserPermission.ListenToRecordings, UserPermission.ManageCallbacks],
        }, "supervisor-demo"),
        (new UserAccount { Id = "agent1", DisplayName = "Demo Agent 1", Roles = [UserRoles.Agent], AgentProfileId = "agent1" },
            "agent1-demo"),
        (new UserAccount { Id = "wallboard", DisplayName = "Demo Wallboard", Roles = [UserRoles.Wallboard] }, "wallboard-demo"),
    ];

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoUsers)
        {
            return;
        }
        var existing = await store.ListAsync<UserAccount>(limit: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing.Items.Count > 0)
        {
            LogSkipped(logger);
            return;
        }
        foreach (var (account, password) in Accounts)
        {
            try
            {
                await store.CreateAsync(account with { PasswordHash = hasher.HashPassword(account, password) }, cancellationToken)
                    .ConfigureAwait(false);
                LogCreated(logger, account.Id);
            }
            catch (DocumentVersionConflictException)
            {
                // Another node seeds the same store at the same time: its account stands.
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Created demo user '{UserName}' with its public demo password")]
    private static partial void LogCreated(ILogger logger, string userName);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Demo users not created: user accounts exist")]
    private static partial void LogSkipped(ILogger logger);
}
