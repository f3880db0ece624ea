// Picks the database for scripts and the app: DATABASE_URL when set, else the embedded PGlite server in-process.
import path from "node:path";
import { startEmbeddedServer, type EmbeddedServer } from "./server";

/** Stable so that psql and saved tool settings keep working across runs; any free port when it is taken. */
export const PREFERRED_EMBEDDED_PORT = 54329;

export type Database = { url: string; embedded: boolean; stop(): Promise<void> };

export function defaultDataDir(): string {
  return path.resolve(process.env.CLAIMDESK_DATA_DIR ?? path.join(import.meta.dirname, "../../.data/pglite"));
}

// Logs go to stderr so that a wrapped command's stdout stays clean for pipes.
export async function startDatabase(opts: { dataDir?: string } = {}): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    console.error(`[db] using DATABASE_URL ${redactPassword(external)}`);
    return { url: external, embedded: false, stop: async () => {} };
  }
  const dataDir = path.resolve(opts.dataDir ?? defaultDataDir());
  const server = await startEmbeddedOnPreferredPort(dataDir);
  console.error(`[db] using embedded PostgreSQL (PGlite) in ${dataDir} at ${server.url}`);
  return { url: server.url, embedded: true, stop: server.stop };
}

export async function startEmbeddedOnPreferredPort(dataDir: string): Promise<EmbeddedServer> {
  try {
    return await startEmbeddedServer({ dataDir, port: PREFERRED_EMBEDDED_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    return startEmbeddedServer({ dataDir, port: 0 });
  }
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
