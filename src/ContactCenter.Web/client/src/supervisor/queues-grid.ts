// The supervisor's queues grid: one fixed row per queue, figures updated in place, longest wait ticking locally.
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

  setNames(names: Map<string, string>): void {
    this.names = names;
    for (const [id, row] of this.rows) {
      row.cells[0]!.textContent = names.get(id) ?? id;
    }
  }

  render(queues: QueueLiveStatus[]): void {
    for (const status of queues) {
      let row = this.rows.get(status.queueId);
      if (!row) {
        const cells = Array.from({ length: 7 }, (_, i) => h("td", { class: i === 0 ? "" : "num" }));
        cells[0]!.textContent = this.names.get(status.queueId) ?? status.queueId;
        const tr = h("tr", { testid: "queue-row", "data-queue-id": status.queueId }, ...cells);
        const next = [...this.body.rows].find((r) => (r.dataset.queueId ?? "") > status.queueId);
        this.body.insertBefore(tr, next ?? null);
        row = { cells, status };
        this.rows.set(status.queueId, row);
      }
      row.status = status;
      this.fill(row);
    }
  }

  tick(): void {
    for (const row of this.rows.values()) {
      this.fill(row);
    }
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
