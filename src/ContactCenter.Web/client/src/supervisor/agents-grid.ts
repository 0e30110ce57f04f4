// The supervisor's agents grid: one fixed-height row per agent, updated in place (cells' text only), the time in state
// ticking locally, and each row's actions.
import type { AgentStatus, ListenInMode } from "../contracts";
import { h, setOptions } from "../dom";
import { duration, since } from "../format";
import { showState } from "../states";

export interface AgentActions {
  pause(agentId: string, pauseCodeId: string): void;
  resume(agentId: string): void;
  logOut(agentId: string): void;
  queueIn(agentId: string, queueId: string): void;
  queueOut(agentId: string, queueId: string): void;
  listenIn(agentId: string, mode: ListenInMode): void;
}

interface Row {
  row: HTMLTableRowElement;
  state: HTMLElement;
  inState: HTMLElement;
  handled: HTMLElement;
  missed: HTMLElement;
  queues: HTMLElement;
  queueSelect: HTMLSelectElement;
  pauseSelect: HTMLSelectElement;
  listen: HTMLButtonElement;
  status: AgentStatus;
}

/** The voice call an agent is on (or rung for), if any. */
export function currentCallOf(status: AgentStatus): string | undefined {
  return status.work.find((w) => w.medium === "Voice" && (w.activity === "Busy" || w.activity === "Ringing"))?.workId;
}

export class AgentsGrid {
  private readonly rows = new Map<string, Row>();
  private pauseOptions: { value: string; label: string }[] = [];
  private queueOptions: { value: string; label: string }[] = [];
  private names = new Map<string, string>();
  private profileQueues = new Map<string, string[]>();
  private group = "";

  constructor(private readonly body: HTMLTableSectionElement, private readonly actions: AgentActions) {}

  /** Names and profile queues of agents, pause codes and queues for the pickers. */
  configure(names: Map<string, string>, profileQueues: Map<string, string[]>, pauseCodes: { value: string; label: string }[],
    queues: { value: string; label: string }[]): void {
    this.names = names;
    this.profileQueues = profileQueues;
    this.pauseOptions = pauseCodes;
    this.queueOptions = queues;
    for (const [id, row] of this.rows) {
      setOptions(row.pauseSelect, this.pauseOptions, "Pause code…");
      setOptions(row.queueSelect, this.queueOptionsOf(id), "Queue…");
      row.row.cells[0]!.textContent = this.nameOf(id);
      this.showIfInGroup(row);
    }
  }

  /** Shows only the agents of one queue — those whose profile or current log-in names it — or everyone ("" ). */
  showGroup(queueId: string): void {
    this.group = queueId;
    for (const row of this.rows.values()) {
      this.showIfInGroup(row);
    }
  }

  render(status: AgentStatus): void {
    let row = this.rows.get(status.agentId);
    if (!row) {
      row = this.createRow(status);
      this.rows.set(status.agentId, row);
      this.insertSorted(row.row, status.agentId);
    }
    row.status = status;
    showState(row.state, status.displayed.state);
    if (status.displayed.state === "Paused" && status.displayed.pauseCodeId) {
      row.state.title = `Paused: ${this.pauseName(status.displayed.pauseCodeId)}`;
    }
    row.handled.textContent = String(status.counters.handled);
    row.missed.textContent = String(status.counters.missed);
    row.queues.textContent = status.queues.map((q) => q.queueId).join(", ") || "–";
    row.queues.title = row.queues.textContent;
    row.listen.disabled = currentCallOf(status) === undefined;
    this.showIfInGroup(row);
    this.tickRow(row);
  }

  /** Advances the time-in-state cells. */
  tick(): void {
    for (const row of this.rows.values()) {
      this.tickRow(row);
    }
  }

  status(agentId: string): AgentStatus | undefined {
    return this.rows.get(agentId)?.status;
  }

  private showIfInGroup(row: Row): void {
    const id = row.status.agentId;
    const shown = this.group === "" || (this.profileQueues.get(id) ?? []).includes(this.group)
      || row.status.queues.some((q) => q.queueId === this.group);
    if (row.row.hidden === shown) {
      row.row.hidden = !shown;
    }
  }

  private tickRow(row: Row): void {
    const text = duration(since(row.status.displayedSince));
    if (row.inState.textContent !== text) {
      row.inState.textContent = text;
    }
  }

  private nameOf(id: string): string {
    const name = this.names.get(id);
    return name && name !== id ? `${name} (${id})` : id;
  }

  private pauseName(id: string): string {
    return this.pauseOptions.find((o) => o.value === id)?.label ?? id;
  }

  private queueOptionsOf(agentId: string): { value: string; label: string }[] {
    const own = this.profileQueues.get(agentId);
    return own ? this.queueOptions.filter((q) => own.includes(q.value)) : this.queueOptions;
  }

  private createRow(status: AgentStatus): Row {
    const id = status.agentId;
    const state = h("span", { testid: "agent-row-state" });
    const pauseSelect = h("select", { "aria-label": "Pause code" });
    setOptions(pauseSelect, this.pauseOptions, "Pause code…");
    const queueSelect = h("select", { "aria-label": "Queue" });
    setOptions(queueSelect, this.queueOptionsOf(id), "Queue…");
    const mode = h("select", { "aria-label": "Listen-in mode" },
      ...(["Monitor", "Whisper", "Barge"] as const).map((m) => h("option", { value: m }, m)));
    const listen = h("button", { type: "button", testid: "listen-in", onclick: () => this.actions.listenIn(id, mode.value as ListenInMode) }, "Listen");
    const withQueue = (run: (queueId: string) => void) => () => (queueSelect.value ? run(queueSelect.value) : undefined);
    const actions = h("div", { class: "actions" },
      pauseSelect,
      h("button", { type: "button", testid: "pause-agent", onclick: () => (pauseSelect.value ? this.actions.pause(id, pauseSelect.value) : undefined) }, "Pause"),
      h("button", { type: "button", testid: "resume-agent", onclick: () => this.actions.resume(id) }, "Resume"),
      h("button", { type: "button", testid: "log-out-agent", onclick: () => this.actions.logOut(id) }, "Log out"),
      queueSelect,
      h("button", { type: "button", testid: "queue-in-agent", onclick: withQueue((q) => this.actions.queueIn(id, q)) }, "In"),
      h("button", { type: "button", testid: "queue-out-agent", onclick: withQueue((q) => this.actions.queueOut(id, q)) }, "Out"),
      mode, listen);
    const cells = {
      name: h("td", { title: id }, this.nameOf(id)),
      inState: h("td", { class: "num" }),
      handled: h("td", { class: "num" }),
      missed: h("td", { class: "num" }),
      queues: h("td"),
    };
    const row = h("tr", { testid: "agent-row", "data-agent-id": id },
      cells.name, h("td", {}, state), cells.inState, cells.handled, cells.missed, cells.queues, h("td", {}, actions));
    return { row, state, inState: cells.inState, handled: cells.handled, missed: cells.missed, queues: cells.queues, queueSelect, pauseSelect, listen, status };
  }

  private insertSorted(row: HTMLTableRowElement, id: string): void {
    const next = [...this.body.rows].find((r) => (r.dataset.agentId ?? "") > id);
    this.body.insertBefore(row, next ?? null);
  }
}
