// Runs a child command in its own process group, so stopping it stops everything it started
// (a dev server's workers, a browser), and passes Ctrl-C and termination signals on to it.

import { spawn } from "node:child_process";
import os from "node:os";

export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: "inherit",
      env,
      detached: true,
      shell: process.platform === "win32",
    });
    const forward = (signal: NodeJS.Signals) => {
      if (child.pid) process.kill(-child.pid, signal);
    };
    const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
    for (const signal of signals) process.on(signal, forward);
    const cleanUp = () => {
      for (const signal of signals) process.off(signal, forward);
    };
    child.on("error", (error) => {
      cleanUp();
      reject(new Error(`Could not start ${command}: ${error.message}`));
    });
    child.on("exit", (code, signal) => {
      cleanUp();
      // Whatever the child left running in its group goes with it.
      try {
        if (child.pid) process.kill(-child.pid, "SIGTERM");
      } catch {
        // The group is already gone: nothing left to stop.
      }
      // Shells report death by signal N as exit status 128 + N; so do we.
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0));
    });
  });
}
