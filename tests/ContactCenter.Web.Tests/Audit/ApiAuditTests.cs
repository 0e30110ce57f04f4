using System.Net;
using System.Security.Claims;
using ContactCenter.Storage.Audit;
using ContactCenter.Web.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Audit;

public sealed class ApiAuditTests
{
    /// <summary>An agent profile as it will carry SIP credentials (stored as digest hashes).</summary>
    private sealed record ProfileWithCredentials(string Id, string Name, SipCredentials Sip, string? Password);

    private sealed record SipCredentials(string UserName, string DigestHash);

    [Fact]
    public async Task Secret_members_of_a_document_never_reach_the_log_and_the_rest_does()
    {
        var services = new ServiceCollection().AddInMemoryAuditLog();
        services.AddOptions();
        await using var provider = services.BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = provider };
        http.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "Test"));
        var before = new ProfileWithCredentials("ann", "Ann Żak", new SipCredentials("ann", "0f1e2d3c4b5a"), "hunter2");

        await ApiAudit.AppendAsync(http, "agentProfile", "update", "ann", AuditOutcome.Succeeded, before, before with { Name = "Ann" });

        var entry = Assert.Single((await provider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(), TestContext.Current.CancellationToken)).Items);
        Assert.Equal(("ada", "agentProfile.update", "192.0.2.7"), (entry.Actor, entry.Action, entry.ClientAddress));
        Assert.Equal("""{"id":"ann","name":"Ann Żak","sip":{"userName":"ann","digestHash":"***"},"password":"***"}""", entry.Before);
        Assert.DoesNotContain("0f1e2d3c4b5a", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", entry.After, StringComparison.Ordinal);
    }
}
