// The import worker (scripts/worker.ts) as production runs it: a Node.js process of its own beside the server, here in
// its own process group so that stopping the group stops it whatever it is doing. Started through tsx's loader in
// that one process (not the `tsx` command, which would add a parent process to every memory figure).

import { spawn } from "node:child_process";
import path from "node:path";
import { stopGroup } from "./next-server";

const WORKER_SCRIPT = path.resolve("scripts/worker.ts");
/** The worker compiles its modules and installs pg-boss's schema on a first start. */
const READY_TIMEOUT_MS = 120_000;
const READY_LINE = "import worker: ready";
/** Lines of worker output kept to explain an import that failed. */
const OUTPUT_LINES_KEPT = 40;

export interface WorkerProcess {
  pid: number;
  /** Its last lines of output. */
  output(): string[];
  stop(): Promise<void>;
}

export async function startWorkerProcess(databaseUrl: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_SCRIPT], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = () => stopGroup(child, exited);
  const ready = new Promise<void>((resolve, reject) => {
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        lines.push(line);
        if (line.includes(READY_LINE)) resolve();
      }
      lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES_KEPT));
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    void exited.then((code) =>
      reject(new Error(`the import worker exited with code ${code} before it was ready`)),
    );
    setTimeout(
      () => reject(new Error(`the import worker was not ready within ${READY_TIMEOUT_MS / 1000} s`)),
      READY_TIMEOUT_MS,
    ).unref();
  });
  try {
    await ready;
  } catch (error) {
    await stop();
    const log = lines.length ? `\nLast worker output:\n${lines.join("\n")}` : "";
    throw new Error(`${error instanceof Error ? error.message : String(error)}${log}`, { cause: error });
  }
  return { pid: child.pid!, output: () => [...lines], stop };
}
