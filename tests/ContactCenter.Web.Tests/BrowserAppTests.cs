using System.Net;
using System.Text.RegularExpressions;

namespace ContactCenter.Web.Tests;

/// <summary>The browser app built from <c>client/</c> is embedded in the Web assembly and served to anyone (the pages
/// hold no data), while the API behind it stays closed.</summary>
public sealed partial class BrowserAppTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", "data-testid=\"sign-in\"")]
    [InlineData("/index.html", "data-testid=\"username\"")]
    [InlineData("/agent.html", "data-testid=\"agent-state\"")]
    [InlineData("/agent", "data-testid=\"agent-state\"")]
    [InlineData("/supervisor", "id=\"agents\"")]
    [InlineData("/wallboard.html", "data-testid=\"tile-sla\"")]
    public async Task A_page_is_served_as_html_without_signing_in(string path, string marker)
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hashed_script_a_page_names_is_served_and_cached_for_good()
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();
        var page = await client.GetStringAsync(new Uri("/agent.html", UriKind.Relative), Cancel);
        var script = ScriptSource().Match(page);
        Assert.True(script.Success, $"agent.html names no hashed script under /assets/: {page}");

        using var response = await client.GetAsync(new Uri(script.Groups["src"].Value, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.True((await response.Content.ReadAsByteArrayAsync(Cancel)).Length > 0, "the script is empty");
    }

    [Theory]
    [InlineData("/api/v1/auth/me")]
    [InlineData("/not-a-page")]
    public async Task Anything_else_still_needs_a_signed_in_user(string path)
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [GeneratedRegex("""<script type="module" crossorigin src="(?<src>/assets/agent-[A-Za-z0-9_-]+\.js)">""")]
    private static partial Regex ScriptSource();
}
