// What else kept the machine busy while the bench ran: the processes outside the bench's own tree that used the most
// CPU over a short sample, read from /proc (Linux). Named by their program and the folder they run in, never by their
// command line, which may carry secrets.

import fs from "node:fs";
import path from "node:path";
import { processTree } from "./process-memory";

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ), 100 on every Linux we run. */
const TICKS_PER_SECOND = 100;

export interface OtherWork {
  /** "node in wt-review": the program and the base name of its working folder. */
  label: string;
  processes: number;
  /** Percent of one core over the sample. */
  cpuPercent: number;
}

/** The busiest other programs over `sampleMs`, by CPU, at most `count` of them. */
export async function sampleOtherWork(sampleMs = 2_000, count = 6): Promise<OtherWork[]> {
  const before = cpuTicks();
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const after = cpuTicks();
  const ours = new Set(processTree(process.pid));
  const byLabel = new Map<string, OtherWork>();
  for (const [pid, ticks] of after) {
    const used = ticks - (before.get(pid) ?? ticks);
    if (ours.has(pid) || used <= 0) continue;
    const label = describe(pid);
    if (!label) continue;
    const work = byLabel.get(label) ?? { label, processes: 0, cpuPercent: 0 };
    work.processes++;
    work.cpuPercent += (used / TICKS_PER_SECOND / (sampleMs / 1000)) * 100;
    byLabel.set(label, work);
  }
  return [...byLabel.values()].sort((a, b) => b.cpuPercent - a.cpuPercent).slice(0, count);
}

/** User and system CPU ticks of every process alive now. */
function cpuTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name's ")": state is the first, utime the 12th, stime the 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // Exited while we looked.
    }
  }
  return ticks;
}

function describe(pid: number): string | null {
  try {
    const program = fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    let folder = "";
    try {
      folder = path.basename(fs.readlinkSync(`/proc/${pid}/cwd`)) || "/";
    } catch {
      // A kernel thread, or another user's process: the program's name will do.
    }
    return folder ? `${program} in ${folder}` : program;
  } catch {
    return null;
  }
}
