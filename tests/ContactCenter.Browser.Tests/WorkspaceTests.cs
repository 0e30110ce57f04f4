using System.Collections.Immutable;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Contracts.Configuration;
using ContactCenter.Contracts.Contacts;
using ContactCenter.Contracts.LiveViews;
using ContactCenter.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Browser.Tests;

/// <summary>The three pages in Chromium against the single-node host: an agent takes a call end to end in the
/// workspace while a supervisor watches and the wallboard counts; live updates never shift the layout.</summary>
public sealed class WorkspaceTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Caller = "+48221234567";
    private const string AgentId = "agent1"; // the demo account agent1 works as agent profile agent1

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_agent_takes_a_call_from_offer_to_wrap_up_while_the_supervisor_sees_each_state_and_the_wallboard_counts_it()
    {
        Assert.SkipWhen(Chromium.UnavailableReason() is not null, Chromium.UnavailableReason() ?? "");
        await using var site = await BrowserSite.StartAsync();
        await SeedAsync(site);
        var supervisor = await chromium.NewPageAsync();
        await Pages.MeasureLayoutShiftAsync(supervisor);
        await Pages.SignInAsync(supervisor, site.BaseAddress, "supervisor", "supervisor-demo", "supervisor");
        var wallboard = await chromium.NewPageAsync();
        await Pages.MeasureLayoutShiftAsync(wallboard);
        await Pages.SignInAsync(wallboard, site.BaseAddress, "wallboard", "wallboard-demo", "wallboard");
        var agent = await chromium.NewPageAsync();
        await Pages.SignInAsync(agent, site.BaseAddress, "agent1", "agent1-demo", "agent");
        var row = supervisor.Locator($"[data-testid=agent-row][data-agent-id={AgentId}] [data-testid=agent-row-state]");
        await supervisor.EvaluateAsync(RecordStatesScript, $"[data-testid=agent-row][data-agent-id={AgentId}] [data-testid=agent-row-state]");

        // The transfer panel lists the configured lines by group.
        await Expect(agent.GetByTestId("transfer-lines")).ToContainTextAsync("Claims desk");

        // The agent logs in and is ready; the supervisor's grid follows.
        await agent.GetByTestId("log-in").ClickAsync();
        await Expect(agent.GetByTestId("agent-state")).ToHaveTextAsync(nameof(DisplayedState.Available));
        await Expect(row).ToHaveTextAsync(nameof(DisplayedState.Available));

        // A call arrives through the grains; the offer names the caller and lists every contact with that number.
        var frontEnd = new RecordingCallMedia(answerWith: site.Grains);
        var call = site.Grains.GetGrain<ICallGrain>("browser-call-1");
        Assert.True((await call.ArriveAsync(new CallArrival
        {
            From = Caller,
            To = "200",
            Media = site.Silo.GrainFactory.CreateObjectReference<ICallMedia>(frontEnd),
            Target = new RoutingTarget(RoutingTargetKind.Queue, "sales"),
        })).Succeeded);
        await Expect(agent.GetByTestId("offer")).ToBeVisibleAsync();
        await Expect(agent.GetByTestId("caller-number")).ToContainTextAsync("221234567");
        await Expect(agent.GetByTestId("contact")).ToHaveCountAsync(2);
        await Expect(agent.GetByTestId("contacts")).ToContainTextAsync("Jan Kowalski");
        await Expect(agent.GetByTestId("contacts")).ToContainTextAsync("Kowalski Motors");
        await Expect(row).ToHaveTextAsync(nameof(DisplayedState.Ringing));

        // Answered from the browser: the front end is asked to answer the agent's leg, and the call connects.
        await agent.GetByTestId("answer").ClickAsync();
        await Expect(agent.GetByTestId("agent-state")).ToHaveTextAsync(nameof(DisplayedState.Busy));
        Assert.True(frontEnd.Saw("browser-call-1", nameof(ICallMedia.AnswerAgentAsync)));
        await Expect(row).ToHaveTextAsync(nameof(DisplayedState.Busy));
        await agent.GetByTestId("note").FillAsync("asks for a quote on fleet insurance");
        await agent.GetByTestId("save-note").ClickAsync();
        await agent.GetByTestId("category").SelectOptionAsync("sales-quote");
        await Eventually.TrueAsync(async () => (await call.GetStatusAsync()) is { Notes.Length: 1, CategoryId: "sales-quote" },
            Wait, "the note and the category on the call");
        await Pages.ScreenshotAsync(agent, "agent-workspace");

        // Hang up, wrap up, ready again.
        await agent.GetByTestId("hang-up").ClickAsync();
        await Expect(agent.GetByTestId("wrap-up")).ToBeVisibleAsync();
        await Expect(row).ToHaveTextAsync(nameof(DisplayedState.WrapUp));
        await agent.GetByTestId("finish-wrap-up").ClickAsync();
        await Expect(agent.GetByTestId("agent-state")).ToHaveTextAsync(nameof(DisplayedState.Available));
        await Expect(row).ToHaveTextAsync(nameof(DisplayedState.Available));
        var ended = await call.GetStatusAsync();
        Assert.Equal((CallPhase.Ended, CallEndReason.Completed), (ended.Phase, ended.EndReason));

        // The supervisor saw every state the agent went through, in order.
        var seen = await supervisor.EvaluateAsync<string[]>("() => window.__states");
        Assert.Equal(
            [nameof(DisplayedState.Available), nameof(DisplayedState.Ringing), nameof(DisplayedState.Busy),
             nameof(DisplayedState.WrapUp), nameof(DisplayedState.Available)],
            seen.SkipWhile(s => s != nameof(DisplayedState.Available)).Where(s => s != nameof(DisplayedState.Reserved)));

        // The wallboard shows the grains' figures: one handled, nothing waiting or lost, the agent free.
        var figures = await WaitForSiteAsync(site, s => s.Totals.Answered == 1 && s.Agents.Available == 1);
        await Expect(Tile(wallboard, "handled")).ToHaveTextAsync(figures.Totals.Answered.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(Tile(wallboard, "waiting")).ToHaveTextAsync(figures.Waiting.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(Tile(wallboard, "lost")).ToHaveTextAsync(figures.Totals.Abandoned.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(Tile(wallboard, "free")).ToHaveTextAsync(figures.Agents.Available.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(Tile(wallboard, "busy")).ToHaveTextAsync(figures.Agents.Busy.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Pages.ScreenshotAsync(supervisor, "supervisor");
        await Pages.ScreenshotAsync(wallboard, "wallboard");

        // Neither page moved anything since it loaded — through the call and a burst of live updates (the agent paused
        // and resumed twenty times by the grains).
        var agentGrain = site.Grains.GetGrain<IAgentGrain>(AgentId);
        for (var i = 0; i < 20; i++)
        {
            Assert.True((await agentGrain.PauseAsync("lunch")).Succeeded);
            Assert.True((await agentGrain.ResumeAsync()).Succeeded);
        }
        await Expect(row).ToHaveTextAsync(nameof(DisplayedState.Available));
        await WaitForSiteAsync(site, s => s.Agents.Available == 1);
        await Expect(Tile(wallboard, "free")).ToHaveTextAsync("1");
        await Pages.AssertNoLayoutShiftAsync(supervisor, "supervisor");
        await Pages.AssertNoLayoutShiftAsync(wallboard, "wallboard");

        // The supervisor narrows the grid to one queue's agents (the demo's agent2 works in sales only), then widens it.
        await supervisor.SelectOptionAsync("[data-testid=agent-group]", "support");
        await Expect(supervisor.Locator("[data-testid=agent-row][data-agent-id=agent2]")).ToBeHiddenAsync();
        await Expect(supervisor.Locator($"[data-testid=agent-row][data-agent-id={AgentId}]")).ToBeVisibleAsync();
        await supervisor.SelectOptionAsync("[data-testid=agent-group]", "");
        await Expect(supervisor.Locator("[data-testid=agent-row][data-agent-id=agent2]")).ToBeVisibleAsync();
    }

    /// <summary>Keeps every distinct text the element shows, in order, in <c>window.__states</c> (the element may be
    /// re-rendered, so the whole document is observed and the selector looked up on each change).</summary>
    private const string RecordStatesScript =
        """
        selector => {
          window.__states = [];
          const record = () => {
            const text = document.querySelector(selector)?.textContent?.trim();
            if (text && window.__states[window.__states.length - 1] !== text) { window.__states.push(text); }
          };
          record();
          new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """;

    private static ILocator Tile(IPage wallboard, string name) => wallboard.Locator($"[data-testid=tile-{name}] .value");

    private static async Task<SiteLiveStatus> WaitForSiteAsync(BrowserSite site, Func<SiteLiveStatus, bool> condition)
    {
        SiteLiveStatus? status = null;
        await Eventually.TrueAsync(
            async () => condition(status = await site.Grains.GetGrain<ISiteLiveView>(SiteSettings.SiteId).GetStatusAsync()),
            Wait, "the site's live figures");
        return status!;
    }

    /// <summary>The demo configuration (samples/) has the queue, the agent profile, the pause code and the category
    /// the test uses; the contact directory starts empty, so the caller's two contacts are added.</summary>
    private static async Task SeedAsync(BrowserSite site)
    {
        foreach (var (id, name) in new[] { ("c-jan", "Jan Kowalski"), ("c-motors", "Kowalski Motors") })
        {
            await site.Contacts.CreateAsync(new Contact { Id = id, DisplayName = name, Phones = ImmutableArray.Create(new ContactPhone(Caller)) },
                TestContext.Current.CancellationToken);
        }
    }
}
