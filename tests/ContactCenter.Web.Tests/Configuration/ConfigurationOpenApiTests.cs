using System.Text.Json;
using ContactCenter.Web.Tests.Support;

namespace ContactCenter.Web.Tests.Configuration;

public sealed class ConfigurationOpenApiTests
{
    [Fact]
    public async Task The_OpenAPI_document_names_every_operation_of_the_configuration_users_contacts_and_audit_APIs()
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetPathAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.TryGetProperty("operationId", out _))
                .Select(o => $"{o.Name.ToUpperInvariant()} {path.Name} {o.Value.GetProperty("operationId").GetString()}"))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var (plural, singular, path) in new[]
                 {
                     ("Skills", "Skill", "skills"), ("Queues", "Queue", "queues"), ("AgentProfiles", "AgentProfile", "agent-profiles"),
                     ("PauseCodes", "PauseCode", "pause-codes"), ("Categories", "Category", "categories"),
                     ("NoAnswerPolicies", "NoAnswerPolicy", "no-answer-policies"), ("Users", "User", "users"),
                     ("TransferGroups", "TransferGroup", "transfer-groups"), ("Trunks", "Trunk", "trunks"),
                     ("InboundNumbers", "InboundNumber", "numbers"), ("Announcements", "Announcement", "announcements"),
                 })
        {
            Assert.Contains($"GET /api/v1/{path} List{plural}", operations);
            Assert.Contains($"GET /api/v1/{path}/{{id}} Get{singular}", operations);
            Assert.Contains($"PUT /api/v1/{path}/{{id}} Put{singular}", operations);
            Assert.Contains($"DELETE /api/v1/{path}/{{id}} Delete{singular}", operations);
        }
        Assert.Contains("PUT /api/v1/users/{id}/password SetUserPassword", operations);
        Assert.Contains("PUT /api/v1/trunks/{id}/password SetTrunkPassword", operations);
        Assert.Contains("PUT /api/v1/agent-profiles/{id}/sip-password SetAgentSipPassword", operations);
        Assert.Contains("GET /api/v1/announcements/{id}/audio GetAnnouncementAudio", operations);
        Assert.Contains("PUT /api/v1/announcements/{id}/audio PutAnnouncementAudio", operations);
        Assert.Contains("GET /api/v1/site-settings GetSiteSettings", operations);
        Assert.Contains("PUT /api/v1/site-settings PutSiteSettings", operations);
        Assert.Contains("GET /api/v1/contacts ListContacts", operations);
        Assert.Contains("GET /api/v1/contacts/by-phone/{number} FindContactsByPhone", operations);
        Assert.Contains("GET /api/v1/contacts/by-email/{address} FindContactsByEmail", operations);
        Assert.Contains("PUT /api/v1/contacts/{id} PutContact", operations);
        Assert.Contains("DELETE /api/v1/contacts/{id} DeleteContact", operations);
        Assert.Contains("GET /api/v1/audit QueryAudit", operations);
        Assert.Contains("GET /api/v1/audit/export ExportAudit", operations);
    }
}
