// What every signed-in page shares: the signed-in user (a 401 sends the browser to the sign-in page), the header's
// user name, connection indicator and sign-out button, and the non-modal status line for command results.
import { ApiError, me, signOut } from "./api";
import type { CommandResult, CurrentUser } from "./contracts";
import { byId } from "./dom";

/** The page each role starts on, first match wins. */
export function homeOf(user: CurrentUser): string {
  if (user.roles.includes("supervisor") || user.roles.includes("admin")) {
    return "/supervisor.html";
  }
  if (user.roles.includes("agent") || user.agentProfileId) {
    return "/agent.html";
  }
  if (user.roles.includes("wallboard")) {
    return "/wallboard.html";
  }
  return "/";
}

/** The signed-in user, with the header filled in; redirects to the sign-in page when there is no session, and to the
 * user's own page when `admits` refuses the user (a wallboard account opening the supervisor view). */
export async function signedInUser(admits: (user: CurrentUser) => boolean = () => true): Promise<CurrentUser> {
  let user: CurrentUser;
  try {
    user = await me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      location.assign("/");
    }
    throw error;
  }
  if (!admits(user)) {
    const home = homeOf(user);
    if (home !== "/" && home !== location.pathname) {
      location.assign(home);
    }
    throw new Error("This account may not use this page.");
  }
  byId("user-name").textContent = user.displayName;
  byId<HTMLButtonElement>("sign-out").addEventListener("click", async () => {
    try {
      await signOut();
    } finally {
      location.assign("/");
    }
  });
  return user;
}

/** Shows the connection state in the header's indicator. */
export function showConnection(state: string): void {
  const indicator = document.getElementById("connection");
  if (indicator) {
    indicator.dataset.state = state;
    indicator.textContent = state === "connected" ? "Live" : state === "reconnecting" ? "Reconnecting…" : "Connecting…";
  }
}

let clearTimer: number | undefined;

/** Writes a sentence in the status line (kept for a while; errors stay longer). */
export function status(message: string, kind: "info" | "error" = "info"): void {
  const line = byId("status-line");
  line.textContent = message;
  line.dataset.kind = kind;
  window.clearTimeout(clearTimer);
  clearTimer = window.setTimeout(() => {
    line.textContent = "";
  }, kind === "error" ? 15_000 : 5_000);
}

/** Runs a hub command and reports a refusal or a failure in the status line; true when it succeeded. */
export async function command(what: string, run: () => Promise<CommandResult>): Promise<boolean> {
  try {
    const result = await run();
    if (!result.succeeded) {
      status(`${what}: ${result.message ?? result.error ?? "refused"}`, "error");
      return false;
    }
    return true;
  } catch (error) {
    status(`${what}: ${(error as Error).message}`, "error");
    return false;
  }
}

/** Who may open which page (the hubs check the same roles). */
export const admits = {
  supervisor: (user: CurrentUser) => user.roles.some((r) => r === "supervisor" || r === "admin"),
  wallboard: (user: CurrentUser) => user.roles.some((r) => r === "wallboard" || r === "supervisor" || r === "admin"),
  agent: (user: CurrentUser) => user.agentProfileId !== null,
};
