// Resident memory of a process and everything it started, read from /proc (Linux). Two views, because each misses
// something: sampling the tree's total every 50 ms sees workers but can miss a short spike between samples; the
// kernel's high-water mark (VmHWM, reset through clear_refs) misses nothing but is per process.

import fs from "node:fs";

const SAMPLE_INTERVAL_MS = 50;

/** `pid` and all its descendants that are alive now. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentPid(Number(entry));
    if (parent === null) continue;
    const siblings = children.get(parent) ?? [];
    siblings.push(Number(entry));
    children.set(parent, siblings);
  }
  const tree: number[] = [];
  for (const queue = [pid]; queue.length > 0;) {
    const next = queue.shift()!;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

function parentPid(pid: number): number | null {
  try {
    // The command name (field 2) is in parentheses and may contain spaces; fields after its ")" are fixed.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[1]);
  } catch {
    return null; // exited while we looked
  }
}

/** A field of /proc/<pid>/status in bytes, or null when the process is gone. */
function statusBytes(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(
      fs.readFileSync(`/proc/${pid}/status`, "utf8"),
    );
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function treeRss(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + (statusBytes(member, "VmRSS") ?? 0), 0);
}

export interface PeakMemory {
  /** Largest sampled sum of VmRSS over the tree. */
  sampledPeakBytes: number;
  /** Sum over the tree of each process's VmHWM since the reset: an upper bound that no spike escapes. */
  highWaterBytes: number | null;
  samples: number;
}

/** Starts watching; call the returned function when the measured work is over. */
export function watchPeakMemory(pid: number): () => PeakMemory {
  // Writing 5 to clear_refs resets VmHWM (Linux 4.0+); without permission we fall back to samples alone.
  let highWaterReset = true;
  for (const member of processTree(pid)) {
    try {
      fs.writeFileSync(`/proc/${member}/clear_refs`, "5");
    } catch {
      highWaterReset = false;
    }
  }
  let peak = treeRss(pid);
  let samples = 1;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
    samples++;
  }, SAMPLE_INTERVAL_MS);
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, treeRss(pid));
    const highWater = highWaterReset
      ? processTree(pid).reduce((sum, member) => sum + (statusBytes(member, "VmHWM") ?? 0), 0)
      : null;
    return { sampledPeakBytes: peak, highWaterBytes: highWater, samples: samples + 1 };
  };
}
