// A list of work items the API keeps newest first (voicemails, callback requests): filters, a table, "More" for the
// next page (the API's cursor), a refresh every few seconds while the view is shown (new items appear without a
// reload), and the status changes and deletes made under If-Match — a 412 (someone else changed the item) or a 404 (it
// is gone) refreshes the list and says so. Every API refusal is shown: a failed listing in the view's own alert line,
// a refused action in the page's status line.
import { ApiError } from "../api";
import type { NewestFirstPage } from "../contracts";
import { h } from "../dom";
import { status } from "../session";

/** The items asked for per page. */
const pageSize = 25;

/** The API's largest page (DocumentPage.MaxLimit): a refresh re-reads at most this many items. */
const maxPage = 500;

/** How often the shown list is read again. */
const refreshMs = 10_000;

export interface WorkItem {
  id: string;
  version: number;
}

export interface Column<T> {
  header: string;
  /** A CSS width for the column; the remaining columns share the rest. */
  width?: string;
  numeric?: boolean;
  cell(item: T): Node | string;
}

export interface WorkListOptions<T extends WorkItem> {
  /** The data-testid prefix of rows, buttons and lines (`voicemail` → `voicemail-row`, `voicemail-more`). */
  name: string;
  /** What the list holds, in prose ("voicemails"). */
  noun: string;
  columns: Column<T>[];
  /** The filter controls shown above the table (each labelled); a change of any of them reloads the list. */
  filters: HTMLSelectElement[];
  /** Reads a page with the current filters. */
  load(cursor: string | null, limit: number): Promise<NewestFirstPage<T>>;
  /** The width of the last column, the actions. */
  actionsWidth: string;
  /** The action buttons of an item (built with `WorkList.action`). */
  actions(item: T, list: WorkList<T>): HTMLElement[];
}

export class WorkList<T extends WorkItem> {
  readonly element: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly more: HTMLButtonElement;
  private readonly alert: HTMLElement;
  private readonly summary: HTMLElement;
  private items: T[] = [];
  private next: string | null = null;
  private shown = "";
  private generation = 0;
  private timer: number | undefined;

  constructor(private readonly options: WorkListOptions<T>) {
    const name = options.name;
    this.body = h("tbody");
    this.more = h("button", { type: "button", testid: `${name}-more`, onclick: () => void this.loadMore() }, "More");
    this.alert = h("div", { class: "work-alert", role: "alert", testid: `${name}-error` });
    this.summary = h("span", { class: "muted", testid: `${name}-summary` });
    for (const filter of options.filters) {
      filter.addEventListener("change", () => void this.reload(true));
    }
    const refresh = h("button", { type: "button", testid: `${name}-refresh`, onclick: () => void this.reload(false) }, "Refresh");
    this.element = h("section", { class: "panel work-list", "aria-label": options.noun },
      h("div", { class: "row" }, ...options.filters, refresh, h("span", { class: "spacer", style: "flex: 1" }), this.summary),
      this.alert,
      h("div", { class: "work-table" },
        h("table", { testid: `${name}-list` },
          h("colgroup", {}, ...options.columns.map((c) => h("col", c.width ? { style: `width: ${c.width}` } : {})),
            h("col", { style: `width: ${options.actionsWidth}` })),
          h("thead", {}, h("tr", {}, ...options.columns.map((c) => h("th", { class: c.numeric ? "num" : "", scope: "col" }, c.header)),
            h("th", { scope: "col" }, "Actions"))),
          this.body)),
      h("div", { class: "row" }, this.more));
    this.more.hidden = true;
  }

  /** Reads the list now and every few seconds until `stop`. */
  start(): void {
    void this.reload(false);
    window.clearInterval(this.timer);
    this.timer = window.setInterval(() => void this.reload(false), refreshMs);
  }

  stop(): void {
    window.clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Reads the first page again — as long as what is shown, so "More" pages stay — or, after a filter change
   * (`fresh`), one page. */
  async reload(fresh: boolean): Promise<void> {
    const generation = ++this.generation;
    const limit = fresh ? pageSize : Math.min(maxPage, Math.max(pageSize, this.items.length));
    try {
      const page = await this.options.load(null, limit);
      if (generation !== this.generation) {
        return;
      }
      this.items = page.items;
      this.next = page.nextCursor;
      this.showAlert("");
      this.render();
    } catch (error) {
      if (generation === this.generation) {
        this.showAlert(`The ${this.options.noun} cannot be read: ${(error as Error).message}`);
      }
    }
  }

  private async loadMore(): Promise<void> {
    if (this.next === null) {
      return;
    }
    const generation = ++this.generation;
    try {
      const page = await this.options.load(this.next, pageSize);
      if (generation !== this.generation) {
        return;
      }
      const known = new Set(this.items.map((i) => i.id));
      this.items.push(...page.items.filter((i) => !known.has(i.id)));
      this.next = page.nextCursor;
      this.showAlert("");
      this.render();
    } catch (error) {
      if (generation === this.generation) {
        this.showAlert(`More ${this.options.noun} cannot be read: ${(error as Error).message}`);
      }
    }
  }

  /** A labelled action button of an item's row: runs `run`, shows the item it returns (or drops the item when it
   * returns nothing), and reports a refusal; after a 412 or 404 the list is read again. */
  action(item: T, label: string, what: string, run: () => Promise<T | void>, attributes: { testid: string; class?: string; disabled?: boolean }): HTMLButtonElement {
    const button = h("button", { type: "button", "aria-label": `${label}: ${what}`, title: `${label}: ${what}`, "data-action": attributes.testid, ...attributes }, label);
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        const changed = await run();
        this.replace(item.id, changed ?? null);
        status(`${label}: ${what}.`);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 412 || error.status === 404)) {
          status(`${label}: ${error.message} The list was read again.`, "error");
          await this.reload(false);
        } else if (!(error instanceof Cancelled)) {
          status(`${label}: ${(error as Error).message}`, "error");
        }
        button.disabled = false;
      }
    });
    return button;
  }

  /** Replaces the item (or removes it, given null) without waiting for the next refresh. */
  replace(id: string, item: T | null): void {
    const index = this.items.findIndex((i) => i.id === id);
    if (index >= 0) {
      // A read still on its way started before this change: it would show the item as it was.
      this.generation++;
      if (item === null) {
        this.items.splice(index, 1);
      } else {
        this.items[index] = item;
      }
      this.render();
    }
  }

  private render(): void {
    this.more.hidden = this.next === null;
    this.summary.textContent = this.items.length === 0 ? `No ${this.options.noun}.`
      : `${this.items.length}${this.next === null ? "" : "+"} ${this.options.noun}`;
    // Rows are rebuilt only when something changed, so a refresh does not take the focus from a button; when they
    // are rebuilt, the focus goes back to the same button of the same item.
    const shown = this.items.map((i) => `${i.id}@${i.version}`).join(",");
    if (shown === this.shown) {
      return;
    }
    this.shown = shown;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const focusRow = focused?.closest<HTMLElement>("tr[data-id]")?.dataset.id;
    const focusAction = focused?.dataset.action;
    this.body.replaceChildren(...this.items.map((item) => h("tr", { testid: `${this.options.name}-row`, "data-id": item.id },
      ...this.options.columns.map((c) => h("td", { class: c.numeric ? "num" : "" }, c.cell(item))),
      h("td", {}, h("div", { class: "actions" }, ...this.options.actions(item, this))))));
    if (focusRow && focusAction && focused?.isConnected === false) {
      this.body.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(focusRow)}"] [data-action="${CSS.escape(focusAction)}"]`)?.focus();
    }
  }

  private showAlert(message: string): void {
    this.alert.textContent = message;
  }
}

/** Thrown by an action the user called off (a declined confirmation): nothing to report. */
export class Cancelled extends Error {}
