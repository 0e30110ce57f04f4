// Views of one page chosen from the header (the supervisor's live grids, voicemail, callbacks): one view shown at a
// time, the others hidden (not rendered, so they never move the shown one). The buttons are plain buttons — reachable
// with Tab, pressed with Enter or Space — and say which view is shown with aria-pressed.
import { byId } from "./dom";

export interface View {
  /** The id of the view's button (`view-<name>`) and of its section (`<name>-view`) is `name`. */
  name: string;
  /** Called when the view is shown (start refreshing it). */
  shown?(): void;
  /** Called when another view is shown (stop refreshing it). */
  hidden?(): void;
}

export class Views {
  private current: string;

  constructor(private readonly views: View[], first: string) {
    this.current = first;
    for (const view of views) {
      byId<HTMLButtonElement>(`view-${view.name}`).addEventListener("click", () => this.show(view.name));
    }
    this.apply();
  }

  /** The shown view's name. */
  get shown(): string {
    return this.current;
  }

  show(name: string): void {
    if (name === this.current) {
      return;
    }
    this.views.find((v) => v.name === this.current)?.hidden?.();
    this.current = name;
    this.apply();
    this.views.find((v) => v.name === name)?.shown?.();
  }

  private apply(): void {
    for (const view of this.views) {
      const on = view.name === this.current;
      byId(`view-${view.name}`).setAttribute("aria-pressed", String(on));
      byId(`${view.name}-view`).hidden = !on;
    }
  }
}
