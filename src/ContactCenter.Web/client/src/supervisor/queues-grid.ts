// The supervisor's queues grid: one fixed row per configured queue (zeros until the site's figures name it), figures
// updated in place, longest wait ticking locally.
import type { QueueLiveStatus } from "../contracts";
import { h } from "../dom";
import { duration, percent, since } from "../format";

interface Row {
  cells: HTMLTableCellElement[];
  status: QueueLiveStatus;
}

export class QueuesGrid {
  private readonly rows = new Map<string, Row>();
  private names = new Map<string, string>();

  constructor(private readonly body: HTMLTableSectionElement) {}

  /** Names the configured queues, adding a row of zeros for each one without figures yet. */
  setNames(names: Map<string, string>): void {
    this.names = names;
    for (const [id, row] of this.rows) {
      row.cells[0]!.textContent = names.get(id) ?? id;
    }
    for (const id of names.keys()) {
      if (!this.rows.has(id)) {
        this.fill(this.add(idle(id)));
      }
    }
  }

  render(queues: QueueLiveStatus[]): void {
    for (const status of queues) {
      const row = this.rows.get(status.queueId) ?? this.add(status);
      row.status = status;
      this.fill(row);
    }
  }

  tick(): void {
    for (const row of this.rows.values()) {
      this.fill(row);
    }
  }

  private add(status: QueueLiveStatus): Row {
    const cells = Array.from({ length: 7 }, (_, i) => h("td", { class: i === 0 ? "" : "num" }));
    cells[0]!.textContent = this.names.get(status.queueId) ?? status.queueId;
    const tr = h("tr", { testid: "queue-row", "data-queue-id": status.queueId }, ...cells);
    const next = [...this.body.rows].find((r) => (r.dataset.queueId ?? "") > status.queueId);
    this.body.insertBefore(tr, next ?? null);
    const row = { cells, status };
    this.rows.set(status.queueId, row);
    return row;
  }

  private fill(row: Row): void {
    const s = row.status;
    const values = [
      String(s.waiting),
      s.oldestArrival ? duration(since(s.oldestArrival)) : "–",
      percent(s.counters.answeredWithinSla, s.counters.answered),
      String(s.counters.answered),
      String(s.counters.abandoned),
      String(s.agents.length),
    ];
    values.forEach((value, i) => {
      const cell = row.cells[i + 1]!;
      if (cell.textContent !== value) {
        cell.textContent = value;
      }
    });
  }
}

/** A queue nobody has called or staffed today: the site's figures do not list it yet. */
function idle(queueId: string): QueueLiveStatus {
  const epoch = new Date(0).toISOString();
  return {
    queueId, version: 0, at: epoch, waiting: 0, offered: 0, oldestArrival: null, agents: [],
    counters: { since: epoch, offered: 0, answered: 0, answeredWithinSla: 0, abandoned: 0, withdrawn: 0, overflowed: 0, longestAnsweredWait: "00:00:00" },
  };
}
