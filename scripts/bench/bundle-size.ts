// First-load JavaScript of a route, from the build's own list of the chunks that route loads
// (.next/diagnostics/route-bundle-stats.json; Next 16 no longer prints sizes after a build), each chunk gzipped at
// level 9 as the old build output and most size budgets count it.

import fs from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

const STATS_FILE = ".next/diagnostics/route-bundle-stats.json";

export interface FirstLoadJs {
  route: string;
  chunks: number;
  rawBytes: number;
  gzipBytes: number;
}

interface RouteBundleStats {
  route: string;
  firstLoadChunkPaths: string[];
}

/** Null when the build lists no such route (the route does not exist in this build). */
export async function firstLoadJs(route: string): Promise<FirstLoadJs | null> {
  const stats = JSON.parse(await fs.readFile(path.resolve(STATS_FILE), "utf8")) as RouteBundleStats[];
  const entry = stats.find((candidate) => candidate.route === route);
  if (!entry) return null;
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const chunk of entry.firstLoadChunkPaths) {
    const content = await fs.readFile(path.resolve(chunk));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { route, chunks: entry.firstLoadChunkPaths.length, rawBytes, gzipBytes };
}
