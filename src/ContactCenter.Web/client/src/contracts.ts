// The JSON shapes of the REST API and the hubs (camelCase, enums as strings, TimeSpan as "[d.]hh:mm:ss[.fffffff]",
// DateTimeOffset as ISO 8601). They mirror the records in ContactCenter.Contracts and ContactCenter.Web.

export type DisplayedState =
  | "LoggedOut" | "Ringing" | "Busy" | "WrapUp" | "Chatting" | "Reserved" | "Paused" | "Available";

export type Presence = "LoggedOut" | "Available" | "Paused";
export type AgentActivity = "Reserved" | "Ringing" | "Busy" | "WrapUp" | "Chatting";
export type Medium = "Voice" | "Chat" | "Email" | "Sms" | "Social";

export interface AgentWork {
  workId: string;
  medium: Medium;
  queueId: string | null;
  activity: AgentActivity;
  since: string;
  deadline: string | null;
  wrapUpTime: string;
  ringTimeout: string;
}

export interface AgentCounters {
  since: string;
  offered: number;
  answered: number;
  missed: number;
  declined: number;
  handled: number;
  handledCalls: number;
  talkTime: string;
  wrapUpTime: string;
  pauseTime: string;
}

export type AgentLineState = "None" | "Opening" | "Up";
export type LineMode = "RingPerCall" | "PersistentLine";

/** The pause reason the platform sets when an agent's persistent line is lost (AgentRules.LineLostPauseCode). */
export const lineLostPauseCode = "line-lost";

export interface AgentStatus {
  agentId: string;
  /** The profile's name; null before the agent grain read its profile. */
  name: string | null;
  presence: Presence;
  pauseCodeId: string | null;
  displayed: { state: DisplayedState; pauseCodeId: string | null };
  displayedSince: string;
  loggedInSince: string | null;
  queues: { queueId: string; priority: number }[];
  work: AgentWork[];
  /** The persistent line (CALL-4): "None" for ring per call, logged out, or a lost line (then paused "line-lost"). */
  line: AgentLineState;
  counters: AgentCounters;
  version: number;
}

export interface QueueCounters {
  since: string;
  offered: number;
  answered: number;
  answeredWithinSla: number;
  abandoned: number;
  withdrawn: number;
  overflowed: number;
  longestAnsweredWait: string;
}

export interface QueueLiveStatus {
  queueId: string;
  version: number;
  at: string;
  waiting: number;
  offered: number;
  oldestArrival: string | null;
  agents: string[];
  counters: QueueCounters;
}

export interface AgentStateCounts {
  loggedIn: number;
  available: number;
  reserved: number;
  ringing: number;
  busy: number;
  wrapUp: number;
  chatting: number;
  paused: number;
}

export interface SiteLiveStatus {
  siteId: string;
  position: number;
  at: string;
  dayStart: string;
  queues: QueueLiveStatus[];
  totals: QueueCounters;
  waiting: number;
  oldestArrival: string | null;
  agents: AgentStateCounts;
}

export interface SupervisorAlert {
  kind: "NoAnswerPolicy" | "LongInteraction";
  agentId: string;
  at: string;
  message: string;
  interactionId: string | null;
}

export type CallPhase = "Arrived" | "Ivr" | "Queued" | "Ringing" | "Dialing" | "Connected" | "WrapUp" | "Ended";
export type ListenInMode = "Monitor" | "Whisper" | "Barge";
export type RoutingTargetKind = "Queue" | "Agent" | "InternalLine" | "ExternalNumber" | "IvrTree";

export interface CallConsult {
  agentId: string;
  byAgentId: string;
  purpose: "Consult" | "Transfer";
  stage: "Ringing" | "Talking" | "Conference";
  since: string;
}

export interface CallStatus {
  callId: string;
  phase: CallPhase | null;
  direction: string;
  from: string | null;
  to: string | null;
  queueId: string | null;
  agentId: string | null;
  held: boolean;
  /** Whether the call is being recorded (REC-1). */
  recording: "Off" | "On" | "Paused";
  consult: CallConsult | null;
  listenIns: { supervisorId: string; mode: ListenInMode; since: string }[];
  notes: { at: string; agentId: string; text: string }[];
  categoryId: string | null;
  connectedAt: string | null;
  conversationEndedAt: string | null;
  wrapUpUntil: string | null;
  version: number;
}

/** AgentCommandResult and CallCommandResult alike. */
export interface CommandResult {
  succeeded: boolean;
  changed: boolean;
  error: string | null;
  message: string | null;
}

export interface LiveUpdate<T> {
  topic: string;
  key: string;
  epoch: string;
  sequence: number;
  item: T;
}

export interface CurrentUser {
  userName: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  agentProfileId: string | null;
}

export interface QueueMembership {
  queueId: string;
  priority: number;
  /** Whether the agent may log in to and out of the queue themselves. */
  selfService: boolean;
}

export interface AgentProfile {
  id: string;
  name: string;
  queues: QueueMembership[];
  lineMode: LineMode;
}

export interface TransferLine {
  name: string;
  target: { kind: "Queue" | "Agent" | "InternalLine" | "ExternalNumber"; value: string };
}

/** A transfer-panel group of lines (queues, internal lines, external numbers). */
export interface TransferGroup {
  id: string;
  name: string;
  order: number;
  lines: TransferLine[];
}

export interface PauseCode {
  id: string;
  name: string;
  kind: string;
}

export interface CallCategory {
  id: string;
  name: string;
  parentId: string | null;
  queueIds: string[];
  active: boolean;
}

export interface Contact {
  id: string;
  version: number;
  displayName: string;
  company: string | null;
  phones: { number: string; label: string | null }[];
  emails: string[];
  status: string;
}

export interface DocumentPage<T> {
  items: T[];
  nextAfterId: string | null;
}

export interface NewestFirstPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type VoicemailStatus = "New" | "Heard" | "Handled";

/** A voicemail left in the IVR (IVR-3). */
export interface Voicemail {
  id: string;
  version: number;
  mailboxId: string;
  callId: string;
  /** Empty when the caller withheld the number. */
  callerNumber: string;
  recordedAt: string;
  duration: string;
  path: string | null;
  status: VoicemailStatus;
}

export type CallbackStatus = "Pending" | "Completed" | "Cancelled";

/** A callback a caller asked for in the IVR (IVR-4). */
export interface CallbackRequest {
  id: string;
  version: number;
  callId: string;
  number: string;
  queueId: string;
  /** null: as soon as possible. */
  preferredAt: string | null;
  createdAt: string;
  status: CallbackStatus;
}
