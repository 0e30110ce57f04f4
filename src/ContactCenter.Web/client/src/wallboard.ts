// The wallboard: the site's figures of the day as large tiles, from GetSiteAsync and "site" updates. The longest wait
// ticks locally from the oldest arrival.
import "./styles.css";
import type { SiteLiveStatus } from "./contracts";
import { duration, percent, since } from "./format";
import { LiveConnection, VersionedMap } from "./live";
import { admits, showConnection, signedInUser, status } from "./session";

const sites = new VersionedMap<SiteLiveStatus>((s) => s.siteId, (s) => s.position);
let current: SiteLiveStatus | undefined;

function tile(name: string, value: string): void {
  const element = document.querySelector<HTMLElement>(`[data-testid="tile-${name}"] .value`);
  if (element && element.textContent !== value) {
    element.textContent = value;
  }
}

function render(): void {
  const site = current;
  if (!site) {
    return;
  }
  const totals = site.totals;
  tile("sla", percent(totals.answeredWithinSla, totals.answered));
  tile("waiting", String(site.waiting));
  tile("longest-wait", site.oldestArrival ? duration(since(site.oldestArrival)) : "0:00");
  tile("handled", String(totals.answered));
  tile("lost", String(totals.abandoned));
  tile("busy", String(site.agents.busy));
  tile("free", String(site.agents.available));
  document.getElementById("as-of")!.textContent = `as of ${new Date(site.at).toLocaleTimeString()}`;
}

function apply(site: SiteLiveStatus): void {
  if (sites.set(site)) {
    current = sites.get(site.siteId);
    render();
  }
}

async function main(): Promise<void> {
  await signedInUser(admits.wallboard);
  const live: LiveConnection = new LiveConnection({
    path: "/hubs/wallboard",
    feeds: [{ topic: "site", apply, resync: async () => apply(await live.invoke<SiteLiveStatus>("GetSiteAsync")) }],
    snapshot: async () => apply(await live.invoke<SiteLiveStatus>("GetSiteAsync")),
    onState: showConnection,
    onError: (message) => status(message, "error"),
  });
  await live.start();
  window.setInterval(render, 1000);
}

main().catch((error: Error) => status(error.message, "error"));
