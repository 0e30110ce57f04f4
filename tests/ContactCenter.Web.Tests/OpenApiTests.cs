using System.Net;
using System.Text.Json;

namespace ContactCenter.Web.Tests;

public sealed class OpenApiTests
{
    [Fact]
    public async Task The_OpenAPI_document_is_served_at_openapi_v1_json()
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }
}
