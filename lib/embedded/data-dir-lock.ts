// One opener per PGlite data folder: two openers (two processes, or one after a hot reload) lose data silently.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

type LockInfo = { pid: number; startedAt: string; token: string };

// On globalThis so that a module re-evaluated by a hot reload still recognises the locks this process holds.
const registryKey = Symbol.for("claimdesk.heldDataDirLocks");
const registry = globalThis as typeof globalThis & { [registryKey]?: Set<string> };
const heldTokens = (registry[registryKey] ??= new Set<string>());

export type DataDirLock = { release(): void };

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "claimdesk.lock");
  const mine: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), token: randomUUID() };

  for (let round = 0; !createWithContent(lockPath, JSON.stringify(mine)); round++) {
    // Taking over a stale lock needs two rounds; more means other openers keep racing for it.
    if (round === 3) {
      throw new Error(`Could not take the lock ${lockPath}; delete it if no process uses the folder.`);
    }
    const text = readIfExists(lockPath);
    if (text === undefined) continue;
    const holder = parseLock(text);
    if (holder && isAlive(holder)) {
      const who = `process ${holder.pid}${holder.pid === process.pid ? " (this one)" : ""}`;
      throw new Error(
        `The data folder ${dataDir} is already in use by ${who}, since ${holder.startedAt}. ` +
          `Only one process may open it: stop that one, set CLAIMDESK_DATA_DIR to another folder, ` +
          `or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
    console.warn(
      `[embedded-db] taking over the stale lock on ${dataDir} (process ${holder?.pid ?? "?"} is gone)`,
    );
    // Re-read just before removing, so that a lock a racing opener has just taken is left alone.
    if (readIfExists(lockPath) === text) fs.rmSync(lockPath, { force: true });
  }
  heldTokens.add(mine.token);

  const release = () => {
    process.off("exit", release);
    heldTokens.delete(mine.token);
    const text = readIfExists(lockPath);
    if (text !== undefined && parseLock(text)?.token === mine.token) fs.rmSync(lockPath, { force: true });
  };
  process.on("exit", release);
  return { release };
}

/** Hard-links a fully written temp file into place, so that no reader ever sees a half-written lock. */
function createWithContent(lockPath: string, text: string): boolean {
  const temp = `${lockPath}.${process.pid}.${randomUUID()}.tmp`;
  fs.writeFileSync(temp, text);
  try {
    fs.linkSync(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function parseLock(text: string): LockInfo | undefined {
  try {
    const info = JSON.parse(text) as Partial<LockInfo>;
    if (typeof info.pid === "number" && typeof info.token === "string") {
      return { pid: info.pid, token: info.token, startedAt: String(info.startedAt) };
    }
  } catch {
    // Unreadable content cannot name a live holder; it is treated as stale.
  }
  return undefined;
}

function isAlive(holder: LockInfo): boolean {
  // Our own pid in a lock we do not hold is a previous process that got the same pid (common in containers).
  if (holder.pid === process.pid) return heldTokens.has(holder.token);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
