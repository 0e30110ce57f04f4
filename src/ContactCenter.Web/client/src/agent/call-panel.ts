// The agent's voice work: the offer panel (caller number, every matching contact, new contact, Answer), the call
// controls (hang up, hold, transfer, consult), notes and category, and the wrap-up panel. The call's own status is
// read with GetCallAsync when the agent's work changes, after every command, and every few seconds while it lasts
// (the agent hub sends no call updates).
import { contactsByPhone, createContact } from "../api";
import type { AgentStatus, AgentWork, CallCategory, CallStatus, Contact, RoutingTargetKind } from "../contracts";
import { byId, h, reveal, setOptions } from "../dom";
import { clock, duration, since, until } from "../format";

export type Run = (what: string, method: string, ...args: unknown[]) => Promise<boolean>;

export class CallPanel {
  private work: AgentWork | undefined;
  private call: CallStatus | undefined;
  private contactsFor: string | undefined;
  private selected: Contact | undefined;
  private categories: CallCategory[] = [];
  private categoryKey = "";
  private notesKey = "";
  private readonly el = {
    offer: byId("offer"), caller: byId("caller-number"), offerQueue: byId("offer-queue"), contacts: byId("offer-contacts"),
    newName: byId<HTMLInputElement>("new-contact-name"), newContact: byId<HTMLButtonElement>("new-contact"),
    selectedContact: byId("selected-contact"), answer: byId<HTMLButtonElement>("answer"),
    summary: byId("call-summary"), timer: byId("call-timer"), hangUp: byId<HTMLButtonElement>("hang-up"),
    hold: byId<HTMLButtonElement>("hold"), recording: byId<HTMLButtonElement>("recording"), kind: byId<HTMLSelectElement>("transfer-kind"),
    target: byId<HTMLInputElement>("transfer-target"), transfer: byId<HTMLButtonElement>("transfer"),
    consult: byId<HTMLButtonElement>("consult"), complete: byId<HTMLButtonElement>("complete-transfer"),
    conference: byId<HTMLButtonElement>("conference"), cancel: byId<HTMLButtonElement>("cancel-consult"),
    consultState: byId("consult-state"), note: byId<HTMLTextAreaElement>("note"), saveNote: byId<HTMLButtonElement>("save-note"),
    category: byId<HTMLSelectElement>("category"), notes: byId("notes"), wrapUp: byId("wrap-up"),
    wrapUpTimer: byId("wrap-up-timer"), finish: byId<HTMLButtonElement>("finish-wrap-up"),
  };

  constructor(private readonly run: Run, private readonly getCall: (callId: string) => Promise<CallStatus>) {
    const onCall = (what: string, method: string, ...args: unknown[]) => async () => {
      if (this.work) {
        await this.run(what, method, this.work.workId, ...args);
        await this.refresh();
      }
    };
    this.el.answer.addEventListener("click", onCall("Answer", "AnswerAsync"));
    this.el.hangUp.addEventListener("click", onCall("Hang up", "HangUpAsync"));
    this.el.hold.addEventListener("click", () => void (this.call?.held ? onCall("Retrieve", "RetrieveAsync") : onCall("Hold", "HoldAsync"))());
    this.el.recording.addEventListener("click", () => void (this.call?.recording === "Paused"
      ? onCall("Resume recording", "SetRecordingAsync", true)
      : onCall("Pause recording", "SetRecordingAsync", false))());
    this.el.transfer.addEventListener("click", () => {
      const target = { kind: this.el.kind.value as RoutingTargetKind, value: this.el.target.value.trim() };
      if (target.value) {
        void onCall(`Transfer to ${target.value}`, "TransferAsync", { target })();
      }
    });
    this.el.consult.addEventListener("click", () => {
      const agentId = this.el.target.value.trim();
      if (agentId) {
        void onCall(`Consult ${agentId}`, "ConsultAsync", agentId)();
      }
    });
    this.el.complete.addEventListener("click", onCall("Complete transfer", "CompleteTransferAsync"));
    this.el.conference.addEventListener("click", onCall("Conference", "ConferenceAsync"));
    this.el.cancel.addEventListener("click", onCall("Cancel consultation", "CancelConsultAsync"));
    this.el.finish.addEventListener("click", onCall("Finish wrap-up", "FinishWrapUpAsync"));
    this.el.saveNote.addEventListener("click", async () => {
      const text = this.el.note.value.trim();
      if (text && this.work && (await this.run("Save note", "AddNoteAsync", this.work.workId, text))) {
        this.el.note.value = "";
        await this.refresh();
      }
    });
    this.el.category.addEventListener("change", () => {
      if (this.el.category.value) {
        void onCall("Set category", "SetCategoryAsync", this.el.category.value)();
      }
    });
    this.el.newContact.addEventListener("click", () => void this.createContact());
  }

  /** A live update of one of the agent's calls ("call" topic): shown when it is the current voice work's call and newer
   * than what is shown. */
  apply(call: CallStatus): void {
    if (this.work?.workId === call.callId && (!this.call || call.version >= this.call.version)) {
      this.call = call;
      this.renderCall();
      void this.lookUpContacts();
    }
  }

  setCategories(categories: CallCategory[]): void {
    this.categories = categories.filter((c) => c.active);
    this.renderCall();
  }

  /** Follows the agent's status: its voice work decides which panels show. */
  update(agent: AgentStatus): void {
    const work = agent.work.find((w) => w.medium === "Voice");
    const changed = work?.workId !== this.work?.workId || work?.activity !== this.work?.activity;
    if (work?.workId !== this.work?.workId) {
      this.call = undefined;
      this.selected = undefined;
      this.contactsFor = undefined;
      this.el.contacts.replaceChildren();
      this.el.selectedContact.textContent = "";
    }
    this.work = work;
    this.render();
    if (changed) {
      void this.refresh();
    }
  }

  /** Clicks a control if it is enabled and shown (keyboard shortcuts). */
  press(control: "answer" | "hang-up"): void {
    const button = control === "answer" ? this.el.answer : this.el.hangUp;
    if (!button.disabled && getComputedStyle(button).visibility !== "hidden") {
      button.click();
    }
  }

  tick(): void {
    const w = this.work;
    this.el.timer.textContent = w?.activity === "Busy" ? duration(since(this.call?.connectedAt ?? w.since)) : "";
    if (w?.activity === "WrapUp") {
      const deadline = w.deadline ?? this.call?.wrapUpUntil ?? null;
      this.el.wrapUpTimer.textContent = `${duration(since(w.since))}${deadline ? ` · ${duration(until(deadline))} left` : ""}`;
    }
  }

  /** Reads the current voice work's call afresh (after a command, or a gap in its live updates). */
  async refresh(): Promise<void> {
    const work = this.work;
    if (!work) {
      return;
    }
    try {
      this.apply(await this.getCall(work.workId));
    } catch {
      // The call may not have started yet (a reservation): its live updates bring it.
    }
  }

  private render(): void {
    const activity = this.work?.activity;
    const offered = activity === "Ringing" || activity === "Reserved";
    reveal(this.el.offer, offered);
    this.el.answer.disabled = activity !== "Ringing";
    reveal(this.el.wrapUp, activity === "WrapUp");
    this.renderCall();
    this.tick();
  }

  private renderCall(): void {
    const call = this.call;
    const activity = this.work?.activity;
    const talking = activity === "Busy" && call?.phase === "Connected";
    this.el.caller.textContent = call?.from ?? (this.work ? "…" : "");
    this.el.offerQueue.textContent = call?.queueId ?? this.work?.queueId ?? "";
    this.el.summary.textContent = call
      ? `${call.from ?? "unknown"} → ${call.queueId ?? call.to ?? ""} · ${call.phase ?? "starting"}${call.held ? " · on hold" : ""}${call.recording === "Paused" ? " · recording paused" : call.recording === "On" ? " · recorded" : ""}`
      : this.work ? "…" : "No call.";
    this.el.hangUp.disabled = !talking;
    this.el.hold.disabled = !talking;
    this.el.hold.textContent = call?.held ? "Retrieve" : "Hold";
    this.el.recording.disabled = !talking || call?.recording === "Off";
    this.el.recording.textContent = call?.recording === "Paused" ? "Resume recording" : "Pause recording";
    const consult = call?.consult ?? null;
    this.el.transfer.disabled = !talking || consult !== null;
    this.el.consult.disabled = !talking || consult !== null;
    const consulting = consult !== null && consult.purpose === "Consult";
    this.el.complete.disabled = !consulting || consult.stage !== "Talking";
    this.el.conference.disabled = !consulting || consult.stage !== "Talking";
    this.el.cancel.disabled = !consulting;
    this.el.consultState.textContent = consult ? `${consult.purpose} ${consult.agentId}: ${consult.stage}` : "";
    const writable = call !== undefined && (activity === "Busy" || activity === "WrapUp");
    this.el.saveNote.disabled = !writable;
    this.el.category.disabled = !writable || this.categories.length === 0;
    this.el.category.title = this.categories.length === 0 ? "No categories can be read" : "Category";
    // Options and notes are rebuilt only when they change, so an open picker is not closed by a poll.
    const categoryKey = `${this.categories.length}|${call?.queueId ?? ""}|${call?.categoryId ?? ""}`;
    if (categoryKey !== this.categoryKey) {
      this.categoryKey = categoryKey;
      const names = new Map(this.categories.map((c) => [c.id, c.name]));
      setOptions(this.el.category, this.categories
        .filter((c) => c.queueIds.length === 0 || (call?.queueId != null && c.queueIds.includes(call.queueId)))
        .map((c) => ({ value: c.id, label: c.parentId ? `${names.get(c.parentId) ?? c.parentId} › ${c.name}` : c.name })), "Category…");
      this.el.category.value = call?.categoryId ?? "";
    }
    const notesKey = `${call?.callId ?? ""}|${call?.notes.length ?? 0}`;
    if (notesKey !== this.notesKey) {
      this.notesKey = notesKey;
      this.el.notes.replaceChildren(...(call?.notes ?? []).map((n) => h("div", {}, h("span", { class: "num" }, clock(n.at)), " ", n.text)));
    }
  }

  private async lookUpContacts(): Promise<void> {
    const call = this.call;
    if (!call?.from || this.contactsFor === call.callId) {
      return;
    }
    this.contactsFor = call.callId;
    try {
      this.showContacts(await contactsByPhone(call.from));
    } catch (error) {
      this.el.contacts.replaceChildren(h("div", { class: "muted" }, `Contacts unavailable: ${(error as Error).message}`));
    }
  }

  private showContacts(contacts: Contact[]): void {
    this.el.contacts.replaceChildren(...(contacts.length === 0
      ? [h("div", { class: "muted" }, "No contact has this number.")]
      : contacts.map((c) => h("div", { class: "contact", testid: "contact", "data-contact-id": c.id },
        h("input", { type: "radio", name: "offer-contact", value: c.id, "aria-label": c.displayName,
          onchange: () => this.select(c) }),
        h("strong", {}, c.displayName), c.company ? h("span", { class: "muted" }, c.company) : null))));
  }

  private select(contact: Contact): void {
    this.selected = contact;
    this.el.selectedContact.textContent = `Caller: ${contact.displayName}`;
  }

  private async createContact(): Promise<void> {
    const name = this.el.newName.value.trim();
    const number = this.call?.from;
    if (!name || !number) {
      return;
    }
    try {
      const contact = await createContact(name, number);
      this.el.newName.value = "";
      this.contactsFor = undefined;
      await this.lookUpContacts();
      this.select(contact);
      const radio = this.el.contacts.querySelector<HTMLInputElement>(`input[value="${CSS.escape(contact.id)}"]`);
      if (radio) {
        radio.checked = true;
      }
    } catch (error) {
      this.el.selectedContact.textContent = `Could not create the contact: ${(error as Error).message}`;
    }
  }

  /** The selected contact of the current call, if any. */
  get contact(): Contact | undefined {
    return this.selected;
  }
}
