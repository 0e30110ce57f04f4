// The REST client: same-origin fetch with the session cookie (cc.session, HttpOnly, set by POST /auth/login).
import type { CallCategory, Contact, CurrentUser, DocumentPage, PauseCode, TransferGroup } from "./contracts";

const prefix = "/api/v1";

/** A refused or failed request, with the problem details' sentence when the server sent one. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init: RequestInit = { method, credentials: "same-origin", headers: { Accept: "application/json", ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["Content-Type"] = "application/json";
  }
  const response = await fetch(prefix + path, init);
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
}

async function problemOf(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string; errors?: Record<string, string[]> };
    const errors = problem.errors ? Object.entries(problem.errors).map(([k, v]) => `${k} ${v.join(", ")}`).join("; ") : "";
    return [problem.detail ?? problem.title, errors].filter(Boolean).join(": ") || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

export const signIn = (userName: string, password: string): Promise<void> =>
  request("POST", "/auth/login", { userName, password });

export const signOut = (): Promise<void> => request("POST", "/auth/logout");

export const me = (): Promise<CurrentUser> => request("GET", "/auth/me");

/** Every document of a configuration list (pages followed to the end). */
async function listAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  do {
    const query: string = after === null ? "?limit=500" : `?limit=500&afterId=${encodeURIComponent(after)}`;
    const page: DocumentPage<T> = await request("GET", path + query);
    items.push(...page.items);
    after = page.nextAfterId;
  } while (after !== null);
  return items;
}

export const pauseCodes = (): Promise<PauseCode[]> => listAll("/pause-codes");

export const categories = (): Promise<CallCategory[]> => listAll("/categories");

export const transferGroups = (): Promise<TransferGroup[]> => listAll("/transfer-groups");

export const contactsByPhone = (number: string): Promise<Contact[]> =>
  request("GET", `/contacts/by-phone/${encodeURIComponent(number)}`);

/** Creates a contact card for a caller (PUT under If-None-Match: * — the API has no POST; the client names the id). */
export function createContact(displayName: string, number: string): Promise<Contact> {
  const id = `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return request("PUT", `/contacts/${id}`, { id, displayName, phones: [{ number }] }, { "If-None-Match": "*" });
}

export interface NamedQueue {
  id: string;
  name: string;
}

export interface AgentProfileDocument {
  id: string;
  name: string;
  queues: { queueId: string; priority: number; selfService: boolean }[];
}

/** Agent profiles (supervisors and admins may read them). */
export const agentProfiles = (): Promise<AgentProfileDocument[]> => listAll("/agent-profiles");

/** One agent profile (supervisors and admins may read it). */
export const agentProfile = (id: string): Promise<AgentProfileDocument> =>
  request("GET", `/agent-profiles/${encodeURIComponent(id)}`);

/** Queue documents (supervisors and admins may read them). */
export const queues = (): Promise<NamedQueue[]> => listAll("/queues");
