using Microsoft.Playwright;

namespace ContactCenter.Browser.Tests;

/// <summary>Steps every browser test takes: sign in through the sign-in page, wait for a page's live data, and save a
/// screenshot where the test run keeps them.</summary>
internal static class Pages
{
    /// <summary>Long enough for a first page load on a busy CI machine; assertions inside wait by Playwright's polling.</summary>
    public static readonly float Timeout = 15_000;

    /// <summary>Signs in on the sign-in page and waits until the page the role lands on has connected its hub and shown
    /// its first snapshot (<c>body[data-ready=true]</c>).</summary>
    public static async Task SignInAsync(IPage page, Uri site, string user, string password, string landing)
    {
        page.SetDefaultTimeout(Timeout);
        await page.GotoAsync(site.ToString());
        await page.GetByTestId("username").FillAsync(user);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync($"**/{landing}*");
        await page.Locator("body[data-ready=true]").WaitForAsync();
    }

    /// <summary>Adds, before any script of the page runs, a layout-shift observer summing the cumulative layout shift
    /// (shifts after user input excluded, as the metric defines) into <c>window.__cls</c> and describing each shift's
    /// moved elements in <c>window.__shifts</c>.</summary>
    public static Task MeasureLayoutShiftAsync(IPage page) => page.AddInitScriptAsync(
        """
        window.__cls = 0;
        window.__shifts = [];
        const describe = s => s.node
          ? `${s.node.nodeName}#${s.node.id || ''}.${s.node.className || ''} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`
          : '?';
        new PerformanceObserver(list => {
          for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) {
              window.__cls += entry.value;
              window.__shifts.push(`${entry.value.toFixed(5)}: ${(entry.sources || []).map(describe).join(' | ')}`);
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
        """);

    /// <summary>Asserts that nothing on the page shifted since it loaded, naming what moved if something did.</summary>
    public static async Task AssertNoLayoutShiftAsync(IPage page, string name)
    {
        var shift = await page.EvaluateAsync<double>("() => window.__cls");
        var shifts = await page.EvaluateAsync<string[]>("() => window.__shifts");
        Assert.True(shift == 0, $"the {name} page shifted its layout by {shift}:{Environment.NewLine}{string.Join(Environment.NewLine, shifts)}");
    }

    /// <summary>Saves a full-page screenshot under the test project's TestResults/screenshots/ and prints its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(ProjectDirectory(), "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        Console.WriteLine($"screenshot: {path}");
        return path;
    }

    private static string ProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.GetFiles("ContactCenter.Browser.Tests.csproj").Length > 0)
            {
                return directory.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
