// The one mapping from an agent's displayed state to its name and colour. Colours live in styles.css as
// --state-<kebab-name>; every badge, grid cell and legend uses the class `state state-<kebab-name>`.
import type { DisplayedState } from "./contracts";

const names: Record<DisplayedState, string> = {
  LoggedOut: "Logged out",
  Ringing: "Ringing",
  Busy: "Busy",
  WrapUp: "Wrap-up",
  Chatting: "Chatting",
  Reserved: "Reserved",
  Paused: "Paused",
  Available: "Available",
};

/** The state's name as people read it. */
export function stateName(state: DisplayedState): string {
  return names[state] ?? state;
}

/** The state's CSS class (its colour). */
export function stateClass(state: DisplayedState): string {
  return `state state-${state.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase()}`;
}

/** Sets an element to show a state: its colour, the state as the status names it (the text tests compare with
 * AgentStatus.displayed.state) and the readable name as its title. */
export function showState(element: HTMLElement, state: DisplayedState): void {
  element.className = `${stateClass(state)} ${element.dataset.baseClass ?? ""}`.trim();
  element.dataset.state = state;
  element.textContent = state;
  element.title = stateName(state);
}
