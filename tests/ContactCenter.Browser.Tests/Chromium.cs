using Microsoft.Playwright;

namespace ContactCenter.Browser.Tests;

/// <summary>Debian's Chromium driven by Playwright, headless, one browser per test class (a context per page keeps
/// sessions apart). Playwright's own browser download is never used.</summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where the Debian package installs the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(UnavailableReason() ?? "the browser is not started");

    /// <summary>Why browser tests cannot run here, or null when they can. In CI a missing browser is an error.</summary>
    public static string? UnavailableReason()
    {
        if (File.Exists(ExecutablePath))
        {
            return null;
        }
        if (Environment.GetEnvironmentVariable("CI") is not null)
        {
            throw new InvalidOperationException($"CI must provide Chromium at {ExecutablePath} (ops/test.sh installs the chromium package)");
        }
        return $"{ExecutablePath} is missing: install the Debian package chromium (ops/test.sh does)";
    }

    public async ValueTask InitializeAsync()
    {
        if (UnavailableReason() is not null)
        {
            return;
        }
        // Assertions poll for up to this long: a first page load on a busy two-core CI machine can take seconds.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A page in a fresh context (its own cookies) of 1920×1080.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
