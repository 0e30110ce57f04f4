// The REST client: same-origin fetch with the session cookie (cc.session, HttpOnly, set by POST /auth/login).
import type {
  CallbackRequest, CallbackStatus, CallCategory, Contact, CurrentUser, DocumentPage, NewestFirstPage, PauseCode, TransferGroup,
  Voicemail, VoicemailStatus,
} from "./contracts";

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

/** The query string of the given parameters, leaving out the empty ones ("" when none is left). */
function query(parameters: Record<string, string | number | null | undefined>): string {
  const pairs = Object.entries(parameters).filter(([, v]) => v !== null && v !== undefined && v !== "");
  return pairs.length === 0 ? "" : `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join("&")}`;
}

/** The entity tag of a version, as the API writes it in ETag and expects in If-Match. */
const entityTag = (version: number): Record<string, string> => ({ "If-Match": `"${version}"` });

export interface NewestFirstQuery {
  status?: string;
  cursor?: string | null;
  limit?: number;
}

/** A page of voicemails, newest first (agents, supervisors and admins). */
export const voicemails = (filter: NewestFirstQuery & { mailboxId?: string }): Promise<NewestFirstPage<Voicemail>> =>
  request("GET", `/voicemails${query({ mailboxId: filter.mailboxId, status: filter.status, cursor: filter.cursor, limit: filter.limit })}`);

/** Where a voicemail's recording is played from (audio/wav; the session cookie authorizes it). */
export const voicemailAudioUrl = (id: string): string => `${prefix}/voicemails/${encodeURIComponent(id)}/audio`;

/** Why a voicemail's recording cannot be played (the API's problem details), or null when it can. Asks for its first
 * byte only. */
export async function voicemailAudioProblem(id: string): Promise<string | null> {
  const response = await fetch(voicemailAudioUrl(id), { credentials: "same-origin", headers: { Range: "bytes=0-0" } });
  return response.ok ? null : problemOf(response);
}

/** Marks a voicemail New, Heard or Handled; 412 when it changed since `version` was read. */
export const setVoicemailStatus = (voicemail: Voicemail, status: VoicemailStatus): Promise<Voicemail> =>
  request("PUT", `/voicemails/${encodeURIComponent(voicemail.id)}/status`, { status }, entityTag(voicemail.version));

/** Deletes a voicemail and its recording (supervisors and admins); 412 when it changed since it was read. */
export const deleteVoicemail = (voicemail: Voicemail): Promise<void> =>
  request("DELETE", `/voicemails/${encodeURIComponent(voicemail.id)}`, undefined, entityTag(voicemail.version));

/** A page of callback requests, newest first (agents, supervisors and admins). */
export const callbacks = (filter: NewestFirstQuery & { queueId?: string }): Promise<NewestFirstPage<CallbackRequest>> =>
  request("GET", `/callbacks${query({ queueId: filter.queueId, status: filter.status, cursor: filter.cursor, limit: filter.limit })}`);

/** Marks a callback request Pending, Completed or Cancelled; 412 when it changed since `version` was read. */
export const setCallbackStatus = (callback: CallbackRequest, status: CallbackStatus): Promise<CallbackRequest> =>
  request("PUT", `/callbacks/${encodeURIComponent(callback.id)}/status`, { status }, entityTag(callback.version));
