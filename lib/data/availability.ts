// Whether the database accepts connections right now: asked by proxy.ts before a page renders (a page whose reads
// fail mid-render answers Next.js's 500, see proxy.ts) and by GET /api/health. A fresh connection each time, not one
// from the app's pool: a pooled connection can outlive the server it was opened to, or be the last one free.
import pg from "pg";
import { getServerEnv } from "@/lib/env";
import { isDatabaseUnavailable } from "./errors";

/** Requests within this long of the last answer share it, so a busy server opens about one connection a second. */
const ANSWER_KEPT_MS = 1_000;
/** A server that neither accepts nor refuses (a network partition, one starting) counts as unavailable after this. */
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * The last answer, on globalThis: proxy.ts and the route handler are bundled apart, each with its own copy of this
 * module, and both must give the same answer (a page must not render just after /api/health said 503).
 */
const lastKey = Symbol.for("claimdesk.databaseAvailable");
const globalForAvailability = globalThis as typeof globalThis & {
  [lastKey]?: { at: number; available: Promise<boolean> };
};

/** The answer of the last second, for proxy.ts, which asks before every page. */
export function databaseAvailable(): Promise<boolean> {
  const last = globalForAvailability[lastKey];
  if (last && Date.now() - last.at < ANSWER_KEPT_MS) return last.available;
  return databaseAvailableNow();
}

/**
 * Asks now, for GET /api/health: the error page asks right after a page failed, and an answer kept from just before
 * the failure would say the database was fine. The answer is kept for the pages that follow.
 */
export function databaseAvailableNow(): Promise<boolean> {
  const available = probe();
  globalForAvailability[lastKey] = { at: Date.now(), available };
  return available;
}

async function probe(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: getServerEnv().DATABASE_URL,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: "claimdesk-availability",
  });
  // A connection the server ends between connect and end reports here; the answer stands either way.
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch (error) {
    // Anything else (a wrong password, say) is not for a retry to fix: the page renders and shows it.
    return !isDatabaseUnavailable(error);
  } finally {
    await client.end().catch(() => {});
  }
}
