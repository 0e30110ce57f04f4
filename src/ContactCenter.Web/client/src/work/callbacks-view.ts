// The callbacks view (IVR-4) of the supervisor page and of the agent workspace: the callback requests callers left in
// the IVR, newest first, filtered by queue and status (pending by default), each marked completed or cancelled (or
// pending again); in the workspace the agent calls the number back from their phone.
import { callbacks, setCallbackStatus } from "../api";
import type { CallbackRequest, CallbackStatus } from "../contracts";
import { h, setOptions } from "../dom";
import { dateTime } from "../format";
import { WorkList } from "./work-list";

export interface CallbacksViewOptions {
  /** A queue's name as people read it. */
  queueName(id: string): string;
  /** Calls the number from the agent's phone (the workspace); absent on the supervisor page. */
  dial?(number: string): void;
}

const statuses: CallbackStatus[] = ["Pending", "Completed", "Cancelled"];

export class CallbacksView {
  private readonly list: WorkList<CallbackRequest>;
  private readonly queue: HTMLSelectElement;

  constructor(container: HTMLElement, private readonly options: CallbacksViewOptions) {
    const statusFilter = h("select", { testid: "callback-status-filter", "aria-label": "Show callback requests with the status" });
    setOptions(statusFilter, statuses.map((s) => ({ value: s, label: s })), "Any status");
    statusFilter.value = "Pending";
    this.queue = h("select", { testid: "callback-queue-filter", "aria-label": "Show the callback requests of a queue" });
    this.setQueues([]);
    this.list = new WorkList<CallbackRequest>({
      name: "callback",
      noun: "callback requests",
      filters: [statusFilter, this.queue],
      load: (cursor, limit) => callbacks({ status: statusFilter.value, queueId: this.queue.value, cursor, limit }),
      columns: [
        { header: "Requested", width: "210px", cell: (c) => h("span", { class: "num", title: c.createdAt }, dateTime(c.createdAt)) },
        { header: "Queue", cell: (c) => h("span", { title: c.queueId }, options.queueName(c.queueId)) },
        { header: "Number", width: "180px", cell: (c) => h("span", { class: "num", testid: "callback-number" }, c.number) },
        { header: "Preferred time", width: "210px", cell: (c) => (c.preferredAt ? h("span", { class: "num", title: c.preferredAt }, dateTime(c.preferredAt)) : "As soon as possible") },
        { header: "Status", width: "110px", cell: (c) => h("span", { testid: "callback-status", class: `work-status work-status-${c.status.toLowerCase()}` }, c.status) },
      ],
      actionsWidth: options.dial ? "330px" : "260px",
      actions: (c, list) => this.actions(c, list),
    });
    container.replaceChildren(
      h("section", { class: "panel", "aria-label": "Callbacks" }, h("h2", { style: "margin: 0" }, "Callback requests")),
      this.list.element);
  }

  /** The queues of the filter (ids and names), once they are read. */
  setQueues(queues: { value: string; label: string }[]): void {
    setOptions(this.queue, queues, "Every queue");
  }

  start(): void {
    this.list.start();
  }

  stop(): void {
    this.list.stop();
  }

  private actions(c: CallbackRequest, list: WorkList<CallbackRequest>): HTMLElement[] {
    const what = `callback to ${c.number} requested at ${dateTime(c.createdAt)}`;
    const mark = (to: CallbackStatus, label: string) => list.action(c, label, what, () => setCallbackStatus(c, to),
      { testid: `callback-${to.toLowerCase()}` });
    const buttons: HTMLElement[] = [];
    if (this.options.dial && c.status === "Pending") {
      const dial = this.options.dial;
      buttons.push(h("button", { type: "button", testid: "callback-call", "data-action": "callback-call", "aria-label": `Call back: ${what}`, title: `Call ${c.number} from your phone`, onclick: () => dial(c.number) }, "Call"));
    }
    if (c.status === "Pending") {
      buttons.push(mark("Completed", "Completed"), mark("Cancelled", "Cancel"));
    } else {
      buttons.push(mark("Pending", "Reopen"));
    }
    return buttons;
  }
}
