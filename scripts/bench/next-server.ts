// The production build the bench measures: `next build`, then `next start` on a free loopback port in its own
// process group, so that stopping the group stops every worker Next.js started and nothing outlives the bench (or
// the browser test that runs a server of its own, on a database it stops).

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { nextStartNodeOptions } from "@/scripts/next-start-node-options";
import { runCommand } from "@/scripts/run-command";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const BUILD_ID = path.resolve(".next/BUILD_ID");
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
/** Lines of server output kept to explain a server that would not start. */
const OUTPUT_LINES_KEPT = 40;

/** Builds unless `reuse` is set and a build exists. Returns whether it built. */
export async function buildApp({
  reuse,
  databaseUrl,
}: {
  reuse: boolean;
  databaseUrl: string;
}): Promise<boolean> {
  if (reuse && fs.existsSync(BUILD_ID)) return false;
  // The bench database, so that anything a build happens to read comes from the corpus it will serve.
  const code = await runCommand(process.execPath, [NEXT_BIN, "build"], {
    ...process.env,
    DATABASE_URL: databaseUrl,
  });
  if (code !== 0)
    throw new Error(`next build failed (exit code ${code}); the bench measures only a clean build.`);
  return true;
}

/** The id of the build in .next, or undefined when there is none. */
export function readBuildId(): string | undefined {
  try {
    return fs.readFileSync(BUILD_ID, "utf8").trim();
  } catch {
    return undefined;
  }
}

export interface NextServer {
  origin: string;
  pid: number;
  /** The server's session secret, so the bench can sign in as its own analyst (the export needs one). */
  authSecret: string;
  stop(): Promise<void>;
}

export async function startNextServer({
  databaseUrl,
  port: preferred,
  onOutput,
}: {
  databaseUrl: string;
  /** A fixed port (a browser test's own server); any free one otherwise. */
  port?: number;
  /** Each line the server prints, for a caller that checks what it logged. */
  onOutput?: (line: string) => void;
}): Promise<NextServer> {
  if (!fs.existsSync(BUILD_ID)) throw new Error("There is no production build (.next/BUILD_ID) to serve.");
  const port = preferred ?? (await freeLoopbackPort());
  const authSecret = randomBytes(32).toString("base64url");
  const child = spawn(
    process.execPath,
    [NEXT_BIN, "start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NODE_ENV: "production",
        PORT: String(port),
        NEXTAUTH_SECRET: authSecret,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NODE_OPTIONS: nextStartNodeOptions(process.env.NODE_OPTIONS),
      },
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    const lines = chunk.toString("utf8").split("\n").filter(Boolean);
    if (onOutput) lines.forEach(onOutput);
    output.push(...lines);
    output.splice(0, Math.max(0, output.length - OUTPUT_LINES_KEPT));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const origin = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(child, exited);
  try {
    await waitUntilServing(origin, exited);
  } catch (error) {
    await stop();
    const log = output.length ? `\nLast server output:\n${output.join("\n")}` : "";
    throw new Error(`${error instanceof Error ? error.message : String(error)}${log}`, { cause: error });
  }
  return { origin, pid: child.pid!, authSecret, stop };
}

async function waitUntilServing(origin: string, exited: Promise<number | null>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`next start exited with code ${exitCode} before serving`);
    try {
      // Any answer means the server is up; the page's own status is checked by each scenario.
      const response = await fetch(origin, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`next start did not answer on ${origin} within ${READY_TIMEOUT_MS / 1000} s`);
}

/** Stops a child started in its own process group (`detached`), and everything it started. */
export async function stopGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  signalGroup("SIGTERM");
  const stopped = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), STOP_GRACE_MS)),
  ]);
  // Workers that ignore SIGTERM (or the leader, if it hung) must not outlive the bench either.
  signalGroup("SIGKILL");
  if (!stopped) await exited;
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
