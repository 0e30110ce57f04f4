// The hub-connection helper: one SignalR connection (same origin, the session cookie authenticates it), automatic
// reconnect, and the resynchronisation rule of LiveUpdate implemented once for every page:
//  - on (re)connect the page takes a fresh snapshot (the positions seen so far are forgotten);
//  - per (topic, key) the helper keeps the epoch and sequence of the last update; the first update after a snapshot
//    only sets them, a new epoch or a gap (sequence != last + 1) makes it ask the hub for that key's snapshot;
//  - items carry their grain's version (AgentStatus.version, QueueLiveStatus.version, SiteLiveStatus.position), and a
//    VersionedMap keeps the newest, so an update older than a snapshot (or a snapshot older than an update) is dropped.
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import type { LiveUpdate } from "./contracts";

/** How a page takes one topic's updates. */
export interface Feed<T> {
  topic: string;
  /** Applies an item (from an update or a snapshot). */
  apply(item: T): void;
  /** Fetches and applies the snapshot of one key after a gap; absent when the topic has none. */
  resync?(key: string): Promise<void>;
}

export interface LiveOptions {
  path: string;
  feeds: Feed<never>[];
  /** Takes the page's whole snapshot; called after every (re)connect. */
  snapshot(): Promise<void>;
  /** Told whenever the connection's state changes (for a connection indicator). */
  onState?(state: "connecting" | "connected" | "reconnecting"): void;
  /** Told of failed snapshots and resyncs. */
  onError?(message: string): void;
}

interface Position {
  epoch: string;
  sequence: number;
}

export class LiveConnection {
  readonly connection: HubConnection;
  private readonly positions = new Map<string, Position>();
  private readonly resyncing = new Set<string>();
  private stopped = false;

  constructor(private readonly options: LiveOptions) {
    this.connection = new HubConnectionBuilder()
      .withUrl(options.path)
      // After a few quick tries the connection closes and start() takes over: it sees a lost session (401) and
      // goes to the sign-in page, or keeps trying with a longer back-off.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => (ctx.previousRetryCount >= 5 ? null : 500 * 2 ** ctx.previousRetryCount) })
      .configureLogging(LogLevel.Warning)
      .build();
    for (const feed of options.feeds as Feed<unknown>[]) {
      this.connection.on(feed.topic, (update: LiveUpdate<unknown>) => this.receive(feed, update));
    }
    this.connection.onreconnecting(() => this.setReady(false, "reconnecting"));
    this.connection.onreconnected(() => void this.afterConnect());
    // Automatic reconnect gave up (or the server closed the connection): start over.
    this.connection.onclose(() => {
      if (!this.stopped) {
        void this.start();
      }
    });
  }

  /** Connects (retrying until it succeeds or the session is gone), then takes the snapshot. */
  async start(): Promise<void> {
    this.setReady(false, "connecting");
    for (let attempt = 0; !this.stopped && this.connection.state === HubConnectionState.Disconnected; attempt++) {
      try {
        await this.connection.start();
      } catch (error) {
        // Negotiation errors carry the status only in their message.
        const statusCode = (error as { statusCode?: number }).statusCode
          ?? Number(/Status code '(\d+)'/.exec((error as Error).message)?.[1] ?? 0);
        if (statusCode === 401) {
          location.assign("/");
          return;
        }
        if (statusCode === 403) {
          // The account's roles do not admit this hub: retrying cannot help.
          this.stopped = true;
          this.options.onError?.("This account may not use this page.");
          return;
        }
        this.options.onError?.(`Cannot connect: ${(error as Error).message}`);
        await new Promise((done) => setTimeout(done, Math.min(10_000, 1000 * 2 ** attempt)));
      }
    }
    await this.afterConnect();
  }

  /** Disconnects for good (sign-out). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection.stop();
  }

  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.connection.invoke<T>(method, ...args);
  }

  private async afterConnect(): Promise<void> {
    this.positions.clear();
    try {
      await this.options.snapshot();
      this.setReady(true, "connected");
    } catch (error) {
      this.options.onError?.(`Snapshot failed: ${(error as Error).message}`);
      this.setReady(true, "connected");
    }
  }

  private receive(feed: Feed<unknown>, update: LiveUpdate<unknown>): void {
    const id = `${update.topic}\u0000${update.key}`;
    const last = this.positions.get(id);
    this.positions.set(id, { epoch: update.epoch, sequence: update.sequence });
    feed.apply(update.item);
    const gap = last !== undefined && (last.epoch !== update.epoch || update.sequence !== last.sequence + 1);
    if (gap && feed.resync && !this.resyncing.has(id)) {
      this.resyncing.add(id);
      feed.resync(update.key)
        .catch((error: Error) => this.options.onError?.(`Resync of ${update.topic} ${update.key} failed: ${error.message}`))
        .finally(() => this.resyncing.delete(id));
    }
  }

  private setReady(ready: boolean, state: "connecting" | "connected" | "reconnecting"): void {
    document.body.dataset.ready = String(ready);
    document.body.dataset.connection = state;
    this.options.onState?.(state);
  }
}

/** Items by key, keeping the newest by version: older items (a late update, a stale snapshot) are ignored. */
export class VersionedMap<T> {
  private readonly items = new Map<string, T>();

  constructor(private readonly keyOf: (item: T) => string, private readonly versionOf: (item: T) => number) {}

  /** Stores the item unless an item with a higher version is held; true when stored. */
  set(item: T): boolean {
    const current = this.items.get(this.keyOf(item));
    if (current !== undefined && this.versionOf(current) > this.versionOf(item)) {
      return false;
    }
    this.items.set(this.keyOf(item), item);
    return true;
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  values(): T[] {
    return [...this.items.values()].sort((a, b) => this.keyOf(a).localeCompare(this.keyOf(b)));
  }
}
