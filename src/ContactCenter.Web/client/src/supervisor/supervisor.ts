// The supervisor view: every agent (GetAgentsAsync + "agent" updates), every queue (the site's figures: GetSiteAsync +
// "site" updates), alerts, commands on agents and listen-in on an agent's call; and, as views of their own, the
// voicemails (played, marked, deleted) and the callback requests callers left in the IVR.
import "../styles.css";
import { agentProfiles, pauseCodes, queues } from "../api";
import type { AgentStatus, CommandResult, ListenInMode, SiteLiveStatus, SupervisorAlert } from "../contracts";
import { byId, h } from "../dom";
import { clock } from "../format";
import { LiveConnection, VersionedMap } from "../live";
import { admits, command, showConnection, signedInUser, status } from "../session";
import { Views } from "../views";
import { CallbacksView } from "../work/callbacks-view";
import { VoicemailView } from "../work/voicemail-view";
import { AgentsGrid, currentCallOf } from "./agents-grid";
import { QueuesGrid } from "./queues-grid";

const agents = new VersionedMap<AgentStatus>((a) => a.agentId, (a) => a.version);
const sites = new VersionedMap<SiteLiveStatus>((s) => s.siteId, (s) => s.position);
let live: LiveConnection;
let listening: { callId: string; agentId: string; mode: ListenInMode } | undefined;

const run = (what: string, method: string, ...args: unknown[]) =>
  command(what, () => live.invoke<CommandResult>(method, ...args));

const grid = new AgentsGrid(byId<HTMLTableElement>("agents").tBodies[0]!, {
  pause: (id, code) => void run(`Pause ${id}`, "PauseAgentAsync", id, code),
  resume: (id) => void run(`Resume ${id}`, "ResumeAgentAsync", id),
  logOut: (id) => void run(`Log out ${id}`, "LogOutAgentAsync", id),
  queueIn: (id, queue) => void run(`Log ${id} in to ${queue}`, "LogAgentInToQueueAsync", id, queue),
  queueOut: (id, queue) => void run(`Log ${id} out of ${queue}`, "LogAgentOutOfQueueAsync", id, queue),
  listenIn: (id, mode) => void listenIn(id, mode),
});
const queuesGrid = new QueuesGrid(byId<HTMLTableElement>("queues").tBodies[0]!);
const queueNames = new Map<string, string>();
const voicemail = new VoicemailView(byId("voicemail-view"), {
  canDelete: true, mailboxes: [], mailboxName: (id) => queueNames.get(id) ?? id,
});
const callbacks = new CallbacksView(byId("callbacks-view"), { queueName: (id) => queueNames.get(id) ?? id });
new Views([
  { name: "live" },
  { name: "voicemail", shown: () => voicemail.start(), hidden: () => voicemail.stop() },
  { name: "callbacks", shown: () => callbacks.start(), hidden: () => callbacks.stop() },
], "live");

function applyAgent(status: AgentStatus): void {
  if (agents.set(status)) {
    grid.render(status);
  }
}

function applySite(site: SiteLiveStatus): void {
  if (sites.set(site)) {
    queuesGrid.render(site.queues);
  }
}

function alertRow(alert: SupervisorAlert): HTMLElement {
  return h("div", { testid: "alert", "data-kind": alert.kind },
    h("span", { class: "muted num" }, clock(alert.at)), " ", h("strong", {}, alert.agentId), " ", alert.message);
}

function applyAlert(alert: SupervisorAlert): void {
  const list = byId("alerts");
  list.prepend(alertRow(alert));
  while (list.childElementCount > 100) {
    list.lastElementChild!.remove();
  }
}

/** The board's recent alerts, newest first, replacing what is shown. */
function showAlerts(alerts: SupervisorAlert[]): void {
  byId("alerts").replaceChildren(...alerts.map(alertRow));
}

async function listenIn(agentId: string, mode: ListenInMode): Promise<void> {
  const callId = currentCallOf(grid.status(agentId) ?? agents.get(agentId)!);
  if (!callId) {
    status(`${agentId} is not on a call`, "error");
    return;
  }
  if (listening && listening.callId !== callId) {
    await run("Stop listening", "StopListenInAsync", listening.callId);
  }
  if (await run(`Listen in (${mode}) on ${agentId}`, "ListenInAsync", callId, mode)) {
    listening = { callId, agentId, mode };
    showListening();
  }
}

function showListening(): void {
  byId("listen-in-text").textContent = listening ? `${listening.mode} on ${listening.agentId} (call ${listening.callId})` : "Not listening.";
  byId<HTMLButtonElement>("stop-listen-in").disabled = !listening;
}

byId<HTMLButtonElement>("stop-listen-in").addEventListener("click", async () => {
  if (listening && (await run("Stop listening", "StopListenInAsync", listening.callId))) {
    listening = undefined;
    showListening();
  }
});

/** Names and pickers from the configuration; a failure leaves ids shown instead of names. */
async function loadConfiguration(): Promise<void> {
  const [profiles, codes, queueDocs] = await Promise.allSettled([agentProfiles(), pauseCodes(), queues()]);
  const names = new Map<string, string>();
  const profileQueues = new Map<string, string[]>();
  if (profiles.status === "fulfilled") {
    for (const p of profiles.value) {
      names.set(p.id, p.name);
      profileQueues.set(p.id, p.queues.map((q) => q.queueId));
    }
  }
  const codeOptions = codes.status === "fulfilled" ? codes.value.map((c) => ({ value: c.id, label: c.name })) : [];
  const queueOptions = queueDocs.status === "fulfilled" ? queueDocs.value.map((q) => ({ value: q.id, label: q.name })) : [];
  queuesGrid.setNames(new Map(queueOptions.map((q) => [q.value, q.label])));
  queueOptions.forEach((q) => queueNames.set(q.value, q.label));
  voicemail.setMailboxes(queueOptions);
  callbacks.setQueues(queueOptions);
  const group = byId<HTMLSelectElement>("agent-group");
  group.replaceChildren(h("option", { value: "" }, "All agents"), ...queueOptions.map((q) => h("option", { value: q.value }, q.label)));
  group.onchange = () => grid.showGroup(group.value);
  grid.configure(names, profileQueues, codeOptions, queueOptions);
  if ([profiles, codes, queueDocs].some((r) => r.status === "rejected")) {
    status("Some configuration could not be read; ids are shown instead of names.", "error");
  }
}

async function main(): Promise<void> {
  await signedInUser(admits.supervisor);
  await loadConfiguration();
  live = new LiveConnection({
    path: "/hubs/supervisor",
    feeds: [
      { topic: "agent", apply: applyAgent, resync: async (id) => applyAgent(await live.invoke<AgentStatus>("GetAgentAsync", id)) },
      { topic: "site", apply: applySite, resync: async () => applySite(await live.invoke<SiteLiveStatus>("GetSiteAsync")) },
      { topic: "alert", apply: applyAlert, resync: async () => showAlerts(await live.invoke<SupervisorAlert[]>("GetAlertsAsync")) },
    ],
    snapshot: async () => {
      const [all, site, alerts] = await Promise.all([
        live.invoke<AgentStatus[]>("GetAgentsAsync"),
        live.invoke<SiteLiveStatus>("GetSiteAsync"),
        live.invoke<SupervisorAlert[]>("GetAlertsAsync"),
      ]);
      all.forEach(applyAgent);
      applySite(site);
      showAlerts(alerts);
    },
    onState: showConnection,
    onError: (message) => status(message, "error"),
  });
  await live.start();
  window.setInterval(() => {
    grid.tick();
    queuesGrid.tick();
  }, 1000);
}

main().catch((error: Error) => status(error.message, "error"));
