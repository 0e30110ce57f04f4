using Microsoft.Playwright;

namespace ContactCenter.Benchmarks.Hubs;

/// <summary>Debian's Chromium (never Playwright's download) with supervisor pages and a wallboard signed in through the
/// sign-in page, each in its own context. Every page records, from inside the page, when the text it watches changes in
/// the DOM: a MutationObserver stamps <c>performance.timeOrigin + performance.now()</c> (milliseconds since the Unix
/// epoch, the clock the grains stamp their events with).</summary>
internal sealed class BrowserPages : IAsyncDisposable
{
    /// <summary>Where the Debian package installs the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private const float Timeout = 30_000;

    /// <summary>Every agent row's state cell: its text changes to the agent's displayed state.</summary>
    private const string WatchAgentRowsScript =
        """
        () => {
          window.__bench = [];
          const last = new Map();
          const seen = span => {
            const id = span.closest('[data-testid=agent-row]')?.dataset.agentId;
            const text = span.textContent?.trim();
            if (!id || !text || last.get(id) === text) { return undefined; }
            last.set(id, text);
            return `${id}|${text}`;
          };
          document.querySelectorAll('[data-testid=agent-row] [data-testid=agent-row-state]').forEach(seen);
          new MutationObserver(records => {
            const at = performance.timeOrigin + performance.now();
            for (const record of records) {
              const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
              const span = node?.closest('[data-testid=agent-row-state]');
              const change = span ? seen(span) : undefined;
              if (change) { window.__bench.push(`${change}|${at}`); }
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
          return document.querySelectorAll('[data-testid=agent-row]').length;
        }
        """;

    /// <summary>The wallboard's "free agents" tile.</summary>
    private const string WatchFreeTileScript =
        """
        () => {
          window.__bench = [];
          const value = document.querySelector('[data-testid="tile-free"] .value');
          let last = value.textContent;
          new MutationObserver(() => {
            const at = performance.timeOrigin + performance.now();
            const text = value.textContent;
            if (text !== last) { last = text; window.__bench.push(`free|${text}|${at}`); }
          }).observe(value, { subtree: true, childList: true, characterData: true });
          return 1;
        }
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserPages(IPlaywright playwright, IBrowser browser, IReadOnlyList<IPage> supervisors, IPage wallboard)
    {
        _playwright = playwright;
        _browser = browser;
        Supervisors = supervisors;
        Wallboard = wallboard;
    }

    public IReadOnlyList<IPage> Supervisors { get; }

    public IPage Wallboard { get; }

    /// <summary>Launches Chromium and signs in <paramref name="supervisors"/> supervisor pages and one wallboard.</summary>
    public static async Task<BrowserPages> StartAsync(Uri site, int supervisors)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install the Debian package chromium");
        }
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                ],
            });
            var pages = new List<IPage>();
            for (var i = 0; i < supervisors; i++)
            {
                pages.Add(await SignInAsync(browser, site, "supervisor", "supervisor-demo", "supervisor"));
            }
            var wallboard = await SignInAsync(browser, site, "wallboard", "wallboard-demo", "wallboard");
            return new BrowserPages(playwright, browser, pages, wallboard);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Starts the observers; returns the agent rows each supervisor page shows.</summary>
    public async Task<int[]> WatchAsync()
    {
        var rows = new List<int>();
        foreach (var page in Supervisors)
        {
            rows.Add(await page.EvaluateAsync<int>(WatchAgentRowsScript));
        }
        await Wallboard.EvaluateAsync<int>(WatchFreeTileScript);
        return [.. rows];
    }

    /// <summary>What a page's observer recorded so far.</summary>
    public static async Task<DomChange[]> ChangesAsync(IPage page) =>
        [.. (await page.EvaluateAsync<string[]>("() => window.__bench")).Select(DomChange.Parse)];

    /// <summary>The wallboard's "free agents" tile as it reads now.</summary>
    public Task<string> FreeTileAsync() =>
        Wallboard.Locator("[data-testid=\"tile-free\"] .value").InnerTextAsync();

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>As the browser tests sign in: the sign-in page, then the landing page's hub connected and its first
    /// snapshot shown (<c>body[data-ready=true]</c>). A fresh context per page keeps the sessions apart.</summary>
    private static async Task<IPage> SignInAsync(IBrowser browser, Uri site, string user, string password, string landing)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        await page.GotoAsync(site.ToString());
        await page.GetByTestId("username").FillAsync(user);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync($"**/{landing}*");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        return page;
    }
}
