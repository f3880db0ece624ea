// Shares PGlite's single backend between socket connections without mixing up their sessions.
import type { PGlite } from "@electric-sql/pglite";
import {
  IDLE,
  advisoryLockChange,
  ReadyForQueryTracker,
  SYNC,
  TERMINATE,
  fatalError,
  protocolViolation,
  simpleQuery,
} from "./wire-protocol";

/** The part of pglite-socket's queue that PGLiteSocketHandler calls (0.2.17); it hands over one whole message per enqueue. */
export interface SocketQueryQueue {
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
  clearQueueForHandler(handlerId: number): void;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

type MessageJob = {
  kind: "message";
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
};
type ReleaseJob = { kind: "release"; handlerId: number; done: () => void };
type Job = MessageJob | ReleaseJob;

/**
 * A connection owns PGlite from its first message until a ReadyForQuery with status 'I' comes back: that covers an
 * extended-protocol batch (Parse..Sync, whose unnamed statement and portal are shared backend state) and an open
 * transaction ('T' or failed 'E'). Meanwhile other connections wait in FIFO order (electric-sql/pglite#1046).
 * All connections share PGlite's one session, so a session advisory lock excludes nobody; a connection holding one
 * keeps ownership until it unlocks instead, which gives the mutual exclusion callers (the migration runner) expect.
 */
export class ConnectionQueue implements SocketQueryQueue {
  #waiting: Job[] = [];
  #owner: number | null = null;
  #current: Job | null = null;
  #draining = false;
  #advisoryLocks = new Map<number, number>();
  #drained: Promise<void> = Promise.resolve();

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ kind: "message", handlerId, message, onData, resolve, reject });
      this.#pump();
    });
  }

  clearQueueForHandler(handlerId: number): void {
    this.#waiting = this.#waiting.filter((job) => {
      if (job.handlerId !== handlerId || job.kind !== "message") return true;
      job.reject(new Error("Connection closed"));
      return false;
    });
  }

  /** Called when a connection goes away; never rejects, because the handler does not await it everywhere. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    // A message still running may be the one that opens a transaction, so wait for it before deciding.
    if (this.#owner !== handlerId && this.#current?.handlerId !== handlerId) return;
    await new Promise<void>((done) => {
      this.#waiting.unshift({ kind: "release", handlerId, done });
      this.#pump();
    });
  }

  /** Resolves once no message is running; the server calls it before closing PGlite. */
  whenIdle(): Promise<void> {
    return this.#drained;
  }

  #pump(): void {
    if (this.#draining) return;
    this.#draining = true;
    this.#drained = this.#drain();
  }

  async #drain(): Promise<void> {
    try {
      for (let job = this.#take(); job; job = this.#take()) {
        this.#current = job;
        if (job.kind === "release") {
          await this.#release(job.handlerId);
          job.done();
        } else {
          await this.#run(job);
        }
        this.#current = null;
      }
    } finally {
      // Cleared in the same tick as the last #take(), so an enqueue can never find the flag stale.
      this.#draining = false;
    }
  }

  #take(): Job | undefined {
    const index = this.#owner === null ? 0 : this.#waiting.findIndex((job) => job.handlerId === this.#owner);
    return index < 0 ? undefined : this.#waiting.splice(index, 1)[0];
  }

  async #run(job: MessageJob): Promise<void> {
    // PGlite ignores Terminate; passing it on would make a departing idle client the owner until its socket closes.
    if (job.message[0] === TERMINATE) return job.resolve(0);
    const violation = protocolViolation(job.message);
    if (violation) {
      // Rejecting makes the handler close this connection, as PostgreSQL would.
      job.onData(fatalError(violation));
      return job.reject(new Error(violation));
    }
    let bytes = 0;
    try {
      const status = await this.#execute(job.message, (data) => {
        bytes += data.length;
        job.onData(data);
      });
      this.#countAdvisoryLocks(job.handlerId, job.message);
      const holdsLock = (this.#advisoryLocks.get(job.handlerId) ?? 0) > 0;
      this.#owner = status === IDLE && !holdsLock ? null : job.handlerId;
      job.resolve(bytes);
    } catch (error) {
      // The handler closes a connection whose message failed; staying owner makes that close roll it back.
      this.#owner = job.handlerId;
      job.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #countAdvisoryLocks(handlerId: number, message: Uint8Array): void {
    const held = Math.max(0, (this.#advisoryLocks.get(handlerId) ?? 0) + advisoryLockChange(message));
    if (held) this.#advisoryLocks.set(handlerId, held);
    else this.#advisoryLocks.delete(handlerId);
  }

  async #release(handlerId: number): Promise<void> {
    if (this.#owner !== handlerId) return;
    this.#advisoryLocks.delete(handlerId);
    try {
      // The first ROLLBACK aborts an implicit or explicit transaction; if PGlite is skipping messages after an error
      // it ignores that ROLLBACK, and the Sync ends the skipping. The last ROLLBACK ends a transaction left failed.
      // A departed client's advisory locks die with it, as they would with its PostgreSQL session.
      await this.#execute(
        Buffer.concat([
          simpleQuery("ROLLBACK"),
          SYNC,
          simpleQuery("ROLLBACK"),
          simpleQuery("SELECT pg_advisory_unlock_all()"),
        ]),
        () => {},
      );
    } catch (error) {
      console.warn(`[embedded-db] rollback after a client disconnected failed: ${String(error)}`);
    }
    this.#owner = null;
  }

  /** Runs protocol messages and returns the status byte of the last ReadyForQuery, if any came back. */
  async #execute(message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number | undefined> {
    const tracker = new ReadyForQueryTracker();
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(message, {
        onRawData: (data) => {
          tracker.feed(data);
          onData(data);
        },
      }),
    );
    return tracker.status;
  }
}
