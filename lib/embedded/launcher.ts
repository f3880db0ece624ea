// Picks the database for scripts and the app: DATABASE_URL when set, else the embedded PostgreSQL in .data/.
import path from "node:path";
import getPort from "get-port";
import pg from "pg";
import { acquireEmbeddedServer, reachableDataDir } from "./postgres";

export type Database = {
  url: string;
  description: string;
  embedded: boolean;
  /** An embedded server that another process (a running `npm run dev`, say) holds too. */
  shared: boolean;
  stop(): Promise<void>;
};

/**
 * Stable, so that psql and saved tool settings keep working across runs; any free port when it is taken. Only this
 * checkout's own server asks for it: test and bench servers take any free port and leave it to `npm run dev`.
 */
const PREFERRED_PORT = 54329;

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Where `npm run dev`, `npm start` and the CLI keep their data: the checkout's own .data folder. */
export const dataRoot = path.resolve(import.meta.dirname, "../../.data");

// Logs go to stderr so that a wrapped command's stdout stays clean for pipes.
export async function startDatabase(): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    console.error(`[db] using DATABASE_URL ${redactPassword(external)}`);
    return {
      url: external,
      description: redactPassword(external),
      embedded: false,
      shared: false,
      stop: async () => {},
    };
  }
  const dataDir = reachableDataDir(path.join(dataRoot, "postgres"));
  const server = await acquireEmbeddedServer({
    dataDir,
    database: "claimdesk",
    port: await getPort({ port: PREFERRED_PORT, host: "127.0.0.1" }),
  });
  const relative = path.relative(process.cwd(), dataDir);
  const description = `embedded PostgreSQL in ${relative.startsWith("..") ? dataDir : relative} on port ${server.port}`;
  console.error(`[db] using ${description} (${redactPassword(server.url)})`);
  return { url: server.url, description, embedded: true, shared: server.shared, stop: server.release };
}

/**
 * A database beside the configured one, "<name><suffix>", created when missing: tests and the bench wipe theirs, so
 * it is never the configured database itself and must be on this machine.
 */
export async function siblingDatabase(configured: string, suffix: string): Promise<Database> {
  const url = new URL(configured);
  if (!LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(
      `Refusing to use ${url.hostname}: the database would be wiped, so it must be on this machine.`,
    );
  }
  const name = decodeURIComponent(url.pathname.slice(1)) || "claimdesk";
  const siblingName = name.endsWith(suffix) ? name : `${name}${suffix}`;
  // The maintenance database always exists, so the configured one need not exist yet.
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [siblingName]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(siblingName)}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${encodeURIComponent(siblingName)}`;
  return {
    url: url.toString(),
    description: `PostgreSQL database "${siblingName}" on ${url.host}`,
    embedded: false,
    shared: false,
    stop: async () => {},
  };
}

export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
