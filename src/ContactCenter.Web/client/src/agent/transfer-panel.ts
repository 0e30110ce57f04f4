// The transfer panel: every agent's live status (GetAgentsAsync, then "agent" updates), favourites first. Favourites
// are the only thing kept in localStorage. Clicking an agent makes it the transfer/consult target.
import type { AgentStatus } from "../contracts";
import { h } from "../dom";
import { duration, since } from "../format";
import { showState } from "../states";

const favouritesKey = "cc.favourite-agents";

interface Row {
  row: HTMLTableRowElement;
  star: HTMLButtonElement;
  state: HTMLElement;
  inState: HTMLElement;
  status: AgentStatus;
}

export class TransferPanel {
  private readonly rows = new Map<string, Row>();
  private readonly favourites = new Set<string>(TransferPanel.loadFavourites());

  constructor(private readonly body: HTMLTableSectionElement, private readonly self: string,
    private readonly pick: (agentId: string) => void) {}

  render(status: AgentStatus): void {
    if (status.agentId === this.self) {
      return;
    }
    let row = this.rows.get(status.agentId);
    if (!row) {
      row = this.createRow(status);
      this.rows.set(status.agentId, row);
      this.order();
    }
    row.status = status;
    showState(row.state, status.displayed.state);
    this.tickRow(row);
  }

  /** Agent ids, favourites first (for the transfer target list). */
  ids(): string[] {
    return [...this.rows.keys()].sort((a, b) => this.rank(a).localeCompare(this.rank(b)));
  }

  tick(): void {
    for (const row of this.rows.values()) {
      this.tickRow(row);
    }
  }

  private tickRow(row: Row): void {
    const text = duration(since(row.status.displayedSince));
    if (row.inState.textContent !== text) {
      row.inState.textContent = text;
    }
  }

  private createRow(status: AgentStatus): Row {
    const id = status.agentId;
    const star = h("button", { type: "button", class: "fav", testid: "favourite", "aria-label": `Favourite ${id}` });
    const state = h("span", { testid: "transfer-agent-state" });
    state.dataset.baseClass = "";
    const inState = h("td", { class: "num" });
    const row = h("tr", { testid: "transfer-agent", "data-agent-id": id },
      h("td", {}, star),
      h("td", { style: "cursor: pointer", title: `Transfer or consult ${id}`, onclick: () => this.pick(id) }, status.name ?? id),
      h("td", {}, state), inState);
    star.addEventListener("click", () => this.toggle(id));
    const created = { row, star, state, inState, status };
    this.showStar(created);
    return created;
  }

  private toggle(id: string): void {
    if (!this.favourites.delete(id)) {
      this.favourites.add(id);
    }
    localStorage.setItem(favouritesKey, JSON.stringify([...this.favourites]));
    const row = this.rows.get(id);
    if (row) {
      this.showStar(row);
    }
    this.order();
  }

  private showStar(row: Row): void {
    const on = this.favourites.has(row.status.agentId);
    row.star.textContent = on ? "★" : "☆";
    row.star.setAttribute("aria-pressed", String(on));
  }

  private rank(id: string): string {
    return `${this.favourites.has(id) ? "0" : "1"}${id}`;
  }

  private order(): void {
    this.body.append(...this.ids().map((id) => this.rows.get(id)!.row));
  }

  private static loadFavourites(): string[] {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(favouritesKey) ?? "[]");
      return Array.isArray(stored) ? stored.filter((x): x is string => typeof x === "string") : [];
    } catch {
      return [];
    }
  }
}
