// The voicemail view (IVR-3) of the supervisor page and of the agent workspace: the API's voicemails newest first,
// filtered by status (and, for supervisors, by mailbox), each played in the view's one audio player, marked heard or
// handled, and — for supervisors — deleted after a confirmation.
import { deleteVoicemail, setVoicemailStatus, voicemailAudioProblem, voicemailAudioUrl, voicemails } from "../api";
import type { Voicemail, VoicemailStatus } from "../contracts";
import { h, setOptions } from "../dom";
import { dateTime, duration, timeSpanMs } from "../format";
import { status } from "../session";
import { Cancelled, WorkList } from "./work-list";

export interface VoicemailViewOptions {
  /** Supervisors and admins may delete voicemails (the API refuses agents). */
  canDelete: boolean;
  /** The mailboxes to filter by (the queues); null: no mailbox filter. */
  mailboxes: { value: string; label: string }[] | null;
  /** A mailbox's name as people read it. */
  mailboxName(id: string): string;
}

const statuses: VoicemailStatus[] = ["New", "Heard", "Handled"];

export class VoicemailView {
  private readonly list: WorkList<Voicemail>;
  private readonly audio: HTMLAudioElement;
  private readonly playing: HTMLElement;
  private readonly mailbox: HTMLSelectElement;
  private playingId: string | null = null;

  constructor(container: HTMLElement, private readonly options: VoicemailViewOptions) {
    const statusFilter = h("select", { testid: "voicemail-status-filter", "aria-label": "Show voicemails with the status" });
    setOptions(statusFilter, statuses.map((s) => ({ value: s, label: s })), "Any status");
    this.mailbox = h("select", { testid: "voicemail-mailbox-filter", "aria-label": "Show the voicemails of a mailbox" });
    this.setMailboxes(options.mailboxes ?? []);
    this.audio = h("audio", { controls: true, preload: "none", testid: "voicemail-audio", "aria-label": "Voicemail recording" });
    this.playing = h("span", { class: "muted", testid: "voicemail-playing", "aria-live": "polite" }, "Choose a voicemail to play it.");
    this.audio.addEventListener("error", () => void this.explainAudioError());
    this.list = new WorkList<Voicemail>({
      name: "voicemail",
      noun: "voicemails",
      filters: options.mailboxes === null ? [statusFilter] : [statusFilter, this.mailbox],
      load: (cursor, limit) => voicemails({ status: statusFilter.value, mailboxId: options.mailboxes === null ? "" : this.mailbox.value, cursor, limit }),
      columns: [
        { header: "Received", width: "210px", cell: (v) => h("span", { class: "num", title: v.recordedAt }, dateTime(v.recordedAt)) },
        { header: "Mailbox", cell: (v) => h("span", { title: v.mailboxId }, options.mailboxName(v.mailboxId)) },
        { header: "Caller", width: "180px", cell: (v) => h("span", { class: "num" }, v.callerNumber || "withheld") },
        { header: "Length", width: "84px", numeric: true, cell: (v) => duration(timeSpanMs(v.duration)) },
        { header: "Status", width: "100px", cell: (v) => h("span", { testid: "voicemail-status", class: `work-status work-status-${v.status.toLowerCase()}` }, v.status) },
      ],
      actionsWidth: options.canDelete ? "330px" : "250px",
      actions: (v, list) => this.actions(v, list),
    });
    container.replaceChildren(
      h("section", { class: "panel player", "aria-label": "Voicemail player" },
        h("div", { class: "row" }, h("h2", { style: "margin: 0" }, "Voicemail"), this.audio, this.playing)),
      this.list.element);
  }

  /** The mailboxes of the filter (the queues' ids and names), once they are read. */
  setMailboxes(mailboxes: { value: string; label: string }[]): void {
    setOptions(this.mailbox, mailboxes, "Every mailbox");
  }

  start(): void {
    this.list.start();
  }

  stop(): void {
    this.list.stop();
  }

  private actions(v: Voicemail, list: WorkList<Voicemail>): HTMLElement[] {
    const what = `voicemail from ${v.callerNumber || "a withheld number"} at ${dateTime(v.recordedAt)}`;
    const mark = (to: VoicemailStatus, label: string) => list.action(v, label, what, () => setVoicemailStatus(v, to),
      { testid: `voicemail-${to.toLowerCase()}`, disabled: v.status === to });
    const play = h("button", { type: "button", testid: "voicemail-play", "data-action": "voicemail-play", "aria-label": `Play: ${what}`, title: `Play: ${what}` }, "Play");
    play.addEventListener("click", () => this.play(v, what));
    const buttons: HTMLElement[] = [play, mark("Heard", "Heard"), mark("Handled", "Handled")];
    if (this.options.canDelete) {
      buttons.push(list.action(v, "Delete", what, async () => {
        if (!window.confirm(`Delete the ${what} and its recording? This cannot be undone.`)) {
          throw new Cancelled();
        }
        await deleteVoicemail(v);
      }, { testid: "voicemail-delete", class: "danger" }));
    }
    return buttons;
  }

  private play(v: Voicemail, what: string): void {
    this.playingId = v.id;
    this.playing.textContent = `Playing the ${what}.`;
    this.audio.src = voicemailAudioUrl(v.id);
    this.audio.play().catch(() => {
      // The error event explains a recording that cannot be loaded; a refused autoplay leaves the controls to the user.
    });
  }

  /** The player could not load the recording: asks the API why, and says it. */
  private async explainAudioError(): Promise<void> {
    const id = this.playingId;
    if (id === null) {
      return;
    }
    let message: string;
    try {
      message = (await voicemailAudioProblem(id)) ?? "the browser cannot play it";
    } catch (error) {
      message = (error as Error).message;
    }
    this.playing.textContent = `The recording cannot be played: ${message}`;
    status(`The recording cannot be played: ${message}`, "error");
  }
}
