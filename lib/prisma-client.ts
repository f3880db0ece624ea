// Builds a Prisma client over node-postgres. Scripts and tests call this directly; the app goes through lib/db.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma as PrismaNamespace } from "@/lib/generated/prisma/client.ts";

/**
 * Session settings of every connection, so that each read is one statement rather than a transaction that sets them
 * first (three extra round trips per facet, chart or search). Each was measured at 100k claims (docs/measurements.md):
 * - jit: the claims statements' cost estimates cross the JIT threshold, and compiling cost far more than running
 *   statements that take milliseconds without it;
 * - parallel workers: on a 2-core server a page already runs its facet statements side by side, and launching
 *   workers for each made an entity facet slower;
 * - random_page_cost: the working set is in memory, where an index page costs what a table page does; at the default
 *   (4) the planner read the whole claims table instead of its much smaller covering index for an unfiltered chart;
 * - pg_trgm.similarity_threshold: a one-letter swap in a short name ("Hauwei" for "Huawei") shares fewer trigrams
 *   than the default of 0.3 asks. Set before pg_trgm loads, it waits as a placeholder the extension adopts.
 */
export const SESSION_SETTINGS =
  "SET jit = off; SET max_parallel_workers_per_gather = 0; SET random_page_cost = 2; SET pg_trgm.similarity_threshold = 0.25";

/** How long a request may wait for a connection, from the pool or for a transaction, before it gives up. */
const TRANSACTION_MAX_WAIT_MS = 10_000;

/**
 * A pool whose connections all run SESSION_SETTINGS before the first statement they are handed out for, and run
 * the statements they are given one after another (SerialClient).
 */
export function createPool(config: pg.PoolConfig): pg.Pool {
  // pg-pool awaits this hook (typed as returning void); a failure discards the connection and fails the checkout.
  const pool = new pg.Pool({
    // Without a bound, a database that stops answering (a dropped network, a full server) would hold each request
    // for ever; past it, pg-pool fails the checkout and the request answers "unavailable" (lib/data/errors.ts). It
    // bounds the wait for a busy pool's free connection too, so it matches the wait Prisma allows a transaction.
    connectionTimeoutMillis: TRANSACTION_MAX_WAIT_MS,
    ...config,
    // Typed by its one query implementation rather than pg's overloads, which it keeps (see below).
    Client: SerialClient as unknown as typeof pg.Client,
    onConnect: (client) => client.query(SESSION_SETTINGS),
  });
  // A restart of the database drops the idle connections, and each reports here; unheard, the error would be an
  // uncaught exception. The pool has discarded the connection already, and the next checkout opens a new one.
  pool.on("error", (error) => console.warn(`database: idle connection lost (${error.message})`));
  return pool;
}

/**
 * Starts each promise query once the one before it has settled. Prisma's adapter sends a read's relation queries
 * side by side, and inside a transaction they share one connection; pg still queues them, but warns that pg 9 will
 * refuse (prisma/orm#29468, open). A download's cancel meets the same: its ROLLBACK arrives while a batch is being
 * fetched. Callback and submittable queries (the pool's own, cursors) keep pg's handling.
 */
class SerialClient extends pg.Client {
  #previous: Promise<unknown> = Promise.resolve();

  // @ts-expect-error -- one implementation of pg's overloads, each forwarded unchanged to pg's own query.
  override query(...args: unknown[]): unknown {
    const send = () => (super.query as (...forwarded: unknown[]) => unknown).apply(this, args);
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args.at(-1) === "function" || typeof first?.submit === "function") return send();
    const result = this.#previous.then(send);
    this.#previous = result.catch(() => undefined);
    return result;
  }
}

/**
 * Dates as Prisma returns them: pg reads `timestamp` and `date` (which carry no zone) in the server's local zone,
 * Prisma in UTC, which is what they hold.
 */
const UTC_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === pg.types.builtins.TIMESTAMP)
      return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === pg.types.builtins.DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
    return pg.types.getTypeParser(oid, format as "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * Each client's pool, for queryRows. On globalThis because Next's dev server loads this module once per bundle
 * (pages, route handlers): a map per copy would not know the clients that another copy made.
 */
const poolsKey = Symbol.for("claimdesk.prismaPools");
const pools = ((globalThis as typeof globalThis & { [poolsKey]?: WeakMap<object, pg.Pool> })[poolsKey] ??=
  new WeakMap<object, pg.Pool>());

export function createPrismaClient(connectionString: string) {
  // Prisma passes its own type parsers with each of its queries; UTC_TYPES serves queryRows.
  const pool = createPool({ connectionString, types: UTC_TYPES });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Under a burst of writes (a team saving notes at once) a transaction waits for one of the pool's connections;
    // Prisma's default wait for one (2 s) turned such bursts into errors instead of a short queue.
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: 20_000 },
    // Password hashes never leave the data layer by accident: lib/auth/credentials.ts asks for the one it checks.
    omit: { user: { passwordHash: true } },
  });
  pools.set(client, pool);
  return client;
}

export type Prisma = ReturnType<typeof createPrismaClient>;

/** The client inside an interactive transaction: what a write helper takes so it joins its caller's transaction. */
export type Tx = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];

/**
 * Runs one read-only statement on the client's own pool, as $queryRaw would but without Prisma's query pipeline,
 * which costs several times node-postgres's CPU per statement (docs/measurements.md); the claims table, its facets
 * and the charts run a dozen per page.
 */
export async function queryRows<Row>(db: Prisma, statement: PrismaNamespace.Sql): Promise<Row[]> {
  const pool = pools.get(db);
  if (!pool) throw new Error("queryRows needs a client made by createPrismaClient");
  return (await pool.query(statement.text, statement.values)).rows as Row[];
}
