// The agent workspace: the signed-in user's own agent (state, pause, log in/out, queues), the call panels, today's
// counters, every queue's waiting work and every agent's status for transfers, and the persistent line's state when
// the profile keeps one (CALL-4). Live through /hubs/agent. Voicemails and callback requests are views of their own;
// an offered call brings the workspace back.
import "../styles.css";
import { categories, pauseCodes, queues as queueDocuments, transferGroups } from "../api";
import { lineLostPauseCode, type AgentProfile, type AgentStatus, type CallStatus, type CommandResult, type PauseCode, type QueueLiveStatus, type TransferGroup } from "../contracts";
import { byId, h, setOptions } from "../dom";
import { duration, since, timeSpanMs } from "../format";
import { LiveConnection, VersionedMap } from "../live";
import { admits, command, showConnection, signedInUser, status } from "../session";
import { showState } from "../states";
import { Views } from "../views";
import { CallbacksView } from "../work/callbacks-view";
import { VoicemailView } from "../work/voicemail-view";
import { CallPanel } from "./call-panel";
import { TransferPanel } from "./transfer-panel";

let live: LiveConnection;
let me: AgentStatus | undefined;
let profile: AgentProfile | null = null;
let codes: PauseCode[] = [];
const queueNames = new Map<string, string>();
const queueStatuses = new VersionedMap<QueueLiveStatus>((q) => q.queueId, (q) => q.version);
const queueRows = new Map<string, { waiting: HTMLElement; longest: HTMLElement; toggle: HTMLButtonElement }>();

const el = {
  state: byId("agent-state"), line: byId("line-state"), timeInState: byId("time-in-state"), pause: byId<HTMLSelectElement>("pause"),
  ready: byId<HTMLButtonElement>("ready"), logIn: byId<HTMLButtonElement>("log-in"), logOut: byId<HTMLButtonElement>("log-out"),
  counters: byId("counters"), queues: byId<HTMLTableElement>("queues").tBodies[0]!,
  dialNumber: byId<HTMLInputElement>("dial-number"), dial: byId<HTMLButtonElement>("dial"),
  kind: byId<HTMLSelectElement>("transfer-kind"), target: byId<HTMLInputElement>("transfer-target"), targets: byId("transfer-targets"),
};

const run = (what: string, method: string, ...args: unknown[]) => command(what, () => live.invoke<CommandResult>(method, ...args));
const calls = new CallPanel(run, (callId) => live.invoke<CallStatus>("GetCallAsync", callId));
let transfers: TransferPanel;
let views: Views | undefined;

function applyAgent(status: AgentStatus): void {
  if (me && status.agentId === me.agentId) {
    if (status.version >= me.version) {
      me = status;
      renderMe();
    }
  } else {
    transfers?.render(status);
  }
}

function renderMe(): void {
  const status = me!;
  if (status.displayed.state === "Ringing" && el.state.dataset.state !== "Ringing") {
    // A call is offered: the workspace, with its Answer button, comes back whatever view was open.
    views?.show("workspace");
  }
  showState(el.state, status.displayed.state);
  el.timeInState.textContent = duration(since(status.displayedSince));
  if (status.displayed.state === "Paused" && status.displayed.pauseCodeId) {
    const code = status.displayed.pauseCodeId;
    el.state.title = `Paused: ${codes.find((c) => c.id === code)?.name ?? (code === lineLostPauseCode ? "the phone line was lost" : code)}`;
  }
  renderLine(status);
  const loggedIn = status.presence !== "LoggedOut";
  el.logIn.disabled = loggedIn;
  el.logOut.disabled = !loggedIn;
  el.ready.disabled = !loggedIn;
  el.pause.disabled = !loggedIn || codes.length === 0;
  // The platform's own pause (a lost line) is no configured code: the picker then shows its placeholder.
  const code = status.presence === "Paused" ? status.pauseCodeId ?? "" : "";
  el.pause.value = codes.some((c) => c.id === code) ? code : "";
  calls.update(status);
  renderCounters();
  renderQueues();
}

/** The persistent line's state, shown only when the profile keeps one (ring-per-call agents have no line). */
function renderLine(status: AgentStatus): void {
  const persistent = profile?.lineMode === "PersistentLine";
  let state: "off" | "connecting" | "up" | "lost";
  let text: string;
  if (status.line === "Up") {
    [state, text] = ["up", "Line: up"];
  } else if (status.line === "Opening" || (status.line === "None" && status.presence === "Available")) {
    [state, text] = ["connecting", "Line: connecting…"];
  } else if (status.presence === "Paused" && status.pauseCodeId === lineLostPauseCode) {
    [state, text] = ["lost", "Line: lost — resume (Ready) to reconnect"];
  } else if (status.presence === "Paused") {
    [state, text] = ["off", "Line: none while paused — Ready connects it"];
  } else {
    [state, text] = ["off", "Line: off (logged out)"];
  }
  el.line.style.visibility = persistent ? "visible" : "hidden";
  el.line.setAttribute("aria-hidden", String(!persistent));
  el.line.dataset.line = state;
  el.line.title = persistent ? "Your phone stays connected while you are logged in and ready; calls are played into it." : "";
  if (el.line.textContent !== text) {
    el.line.textContent = text;
  }
}

function renderCounters(): void {
  const c = me!.counters;
  const openSession = me!.loggedInSince ? since(me!.loggedInSince) : 0;
  const figures: [string, string][] = [
    ["Offered", String(c.offered)], ["Answered", String(c.answered)], ["Missed", String(c.missed)], ["Handled", String(c.handled)],
    ["Talk", duration(timeSpanMs(c.talkTime))], ["Wrap-up", duration(timeSpanMs(c.wrapUpTime))],
    ["Paused", duration(timeSpanMs(c.pauseTime))], ["Logged in", duration(openSession)],
  ];
  if (el.counters.childElementCount !== figures.length) {
    el.counters.replaceChildren(...figures.map(([label]) => h("div", { class: "counter", testid: `counter-${label.toLowerCase().replace(/ /g, "-")}` },
      h("div", { class: "figure" }), h("div", { class: "label" }, label))));
  }
  figures.forEach(([, value], i) => {
    const figure = el.counters.children[i]!.firstElementChild!;
    if (figure.textContent !== value) {
      figure.textContent = value;
    }
  });
}

function applyQueue(queue: QueueLiveStatus): void {
  if (queueStatuses.set(queue)) {
    renderQueues();
  }
}

function renderQueues(): void {
  const ids = new Set([...queueNames.keys(), ...queueStatuses.values().map((q) => q.queueId)]);
  for (const id of [...ids].sort()) {
    let row = queueRows.get(id);
    if (!row) {
      const toggle = h("button", { type: "button", testid: "queue-toggle" });
      toggle.addEventListener("click", () => {
        const member = me?.queues.some((q) => q.queueId === id);
        void (member ? run(`Leave ${id}`, "LogOutOfQueueAsync", id) : run(`Join ${id}`, "LogInToQueueAsync", id));
      });
      row = { waiting: h("td", { class: "num" }), longest: h("td", { class: "num" }), toggle };
      el.queues.append(h("tr", { testid: "queue-row", "data-queue-id": id }, h("td", { title: id }, queueNames.get(id) ?? id),
        row.waiting, row.longest, h("td", {}, toggle)));
      queueRows.set(id, row);
    }
    const queue = queueStatuses.get(id);
    row.waiting.textContent = String(queue?.waiting ?? 0);
    row.longest.textContent = queue?.oldestArrival ? duration(since(queue.oldestArrival)) : "–";
    const member = me?.queues.some((q) => q.queueId === id) ?? false;
    // Only the profile's queues that the agent may join or leave themselves get a button; hidden, not removed, so
    // the row keeps its layout.
    const selfService = profile?.queues.some((q) => q.queueId === id && q.selfService) ?? false;
    row.toggle.textContent = member ? "Leave" : "Join";
    row.toggle.style.visibility = selfService ? "visible" : "hidden";
    row.toggle.disabled = !selfService || !me || me.presence === "LoggedOut";
  }
}

function renderTargets(): void {
  const values = el.kind.value === "Queue" ? [...queueNames.keys()] : el.kind.value === "Agent" ? transfers.ids() : [];
  el.targets.replaceChildren(...values.map((v) => h("option", { value: v })));
}

function wire(): void {
  el.ready.addEventListener("click", () => void run("Ready", "ResumeAsync"));
  el.logIn.addEventListener("click", () => void run("Log in", "LogInAsync"));
  el.logOut.addEventListener("click", () => void run("Log out", "LogOutAsync"));
  el.pause.addEventListener("change", () => {
    if (el.pause.value) {
      void run("Pause", "PauseAsync", el.pause.value);
    }
  });
  const dial = async () => {
    const number = el.dialNumber.value.trim();
    if (number && (await run(`Call ${number}`, "DialAsync", number))) {
      el.dialNumber.value = "";
    }
  };
  el.dial.addEventListener("click", () => void dial());
  el.dialNumber.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      void dial();
    }
  });
  el.kind.addEventListener("change", renderTargets);
  el.target.addEventListener("focus", renderTargets);
  document.addEventListener("keydown", (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const action = { KeyA: () => calls.press("answer"), KeyH: () => calls.press("hang-up"), KeyR: () => el.ready.click() }[event.code];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}

/** The configured transfer lines by group: a click makes the line the transfer target. */
function renderLines(groups: TransferGroup[]): void {
  const sorted = [...groups].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  byId("transfer-lines").replaceChildren(...sorted.map((group) => h("div", {},
    h("h3", {}, group.name),
    h("div", { class: "row" }, ...group.lines.map((line) => {
      const button = h("button", { type: "button", testid: "transfer-line", title: `${line.target.kind} ${line.target.value}` }, line.name);
      button.addEventListener("click", () => {
        el.kind.value = line.target.kind;
        el.target.value = line.target.value;
      });
      return button;
    })))));
}

async function loadConfiguration(): Promise<void> {
  const [pause, cats, docs, groups] = await Promise.allSettled([pauseCodes(), categories(), queueDocuments(), transferGroups()]);
  renderLines(groups.status === "fulfilled" ? groups.value : []);
  codes = pause.status === "fulfilled" ? pause.value : [];
  setOptions(el.pause, codes.map((c) => ({ value: c.id, label: c.name })), codes.length ? "Pause…" : "No pause codes");
  el.pause.title = pause.status === "fulfilled" ? "Pause with a reason" : `Pause codes cannot be read: ${pause.reason.message}`;
  calls.setCategories(cats.status === "fulfilled" ? cats.value : []);
  if (docs.status === "fulfilled") {
    docs.value.forEach((q) => queueNames.set(q.id, q.name));
  }
  const failed = [pause, cats, docs, groups].filter((r) => r.status === "rejected").length;
  if (failed > 0) {
    status("Some configuration (pause codes, categories, queues or transfer lines) could not be read.", "error");
  }
}

async function main(): Promise<void> {
  const user = await signedInUser();
  byId("agent-name").textContent = user.displayName;
  if (!user.agentProfileId) {
    status("This account has no agent profile: there is no workspace to show.", "error");
    document.body.dataset.ready = "true";
    return;
  }
  const self = user.agentProfileId;
  const queueName = (id: string) => queueNames.get(id) ?? id;
  const voicemail = new VoicemailView(byId("voicemail-view"), { canDelete: admits.supervisor(user), mailboxes: null, mailboxName: queueName });
  const callbacks = new CallbacksView(byId("callbacks-view"), {
    queueName,
    dial: (number) => {
      views?.show("workspace");
      void run(`Call ${number}`, "DialAsync", number);
    },
  });
  transfers = new TransferPanel(byId<HTMLTableElement>("transfer-list").querySelector("tbody")!, self, (id) => {
    el.kind.value = "Agent";
    el.target.value = id;
  });
  wire();
  await loadConfiguration();
  callbacks.setQueues([...queueNames].map(([value, label]) => ({ value, label })));
  views = new Views([
    { name: "workspace" },
    { name: "voicemail", shown: () => voicemail.start(), hidden: () => voicemail.stop() },
    { name: "callbacks", shown: () => callbacks.start(), hidden: () => callbacks.stop() },
  ], "workspace");
  const getMe = async () => {
    const fresh = await live.invoke<AgentStatus>("GetMeAsync");
    me = me && me.version > fresh.version ? me : fresh;
    renderMe();
  };
  live = new LiveConnection({
    path: "/hubs/agent",
    feeds: [
      {
        topic: "agent", apply: applyAgent,
        resync: async (id) => (id === self ? getMe() : applyAgent(await live.invoke<AgentStatus>("GetAgentAsync", id))),
      },
      {
        // Only this agent's calls reach this connection; after a gap the current call is read again.
        topic: "call", apply: (call: CallStatus) => calls.apply(call),
        resync: () => calls.refresh(),
      },
      { topic: "queue", apply: applyQueue, resync: async () => (await live.invoke<QueueLiveStatus[]>("GetQueuesAsync")).forEach(applyQueue) },
    ],
    snapshot: async () => {
      profile = await live.invoke<AgentProfile | null>("GetProfileAsync");
      await getMe();
      (await live.invoke<QueueLiveStatus[]>("GetQueuesAsync")).forEach(applyQueue);
      try {
        (await live.invoke<AgentStatus[]>("GetAgentsAsync")).forEach(applyAgent);
      } catch (error) {
        status(`The agents list cannot be read: ${(error as Error).message}`, "error");
      }
    },
    onState: showConnection,
    onError: (message) => status(message, "error"),
  });
  await live.start();
  window.setInterval(() => {
    if (me) {
      el.timeInState.textContent = duration(since(me.displayedSince));
      renderCounters();
      renderQueues();
    }
    calls.tick();
    transfers.tick();
  }, 1000);
}

main().catch((error: Error) => status(error.message, "error"));
