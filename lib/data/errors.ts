// Errors the data layer throws for conditions a person can act on, and the one test of whether a failure means the
// database itself was unavailable; actions and route handlers turn both into messages.

/** Someone saved a newer version first. The form keeps what this person typed, to re-apply on the new version. */
export class StaleVersionError extends Error {
  constructor(what: string) {
    super(
      `Someone else changed this ${what} while you were editing. Your text is kept below: review the latest version, then save again.`,
    );
    this.name = "StaleVersionError";
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`This ${what} no longer exists.`);
    this.name = "NotFoundError";
  }
}

/** A request that is well-formed but not allowed in the record's current state (e.g. replying to a deleted note). */
export class InvalidStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidStateError";
  }
}

/** How long a client should wait before trying again after the database was unavailable (Retry-After). */
export const DATABASE_RETRY_AFTER_S = 5;

/**
 * Codes that say the database could not serve the request at all, whatever the request was: the connection was
 * refused, reset or timed out (Node), the server is shutting down, crashed or still starting (PostgreSQL's 57P01,
 * 57P02, 57P03), it has no connection left (53300), or Prisma could not reach it or lost the connection (P1001,
 * P1002, P1017).
 */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P1017",
]);

/** The kinds Prisma's driver adapter gives the same failures (driverAdapterError.cause.kind). */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/**
 * Messages without a code: node-postgres when the server goes away mid-query or a dead connection is reused, pg-pool
 * when no connection frees up in time, Prisma when a transaction cannot start within its maxWait.
 */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /Unable to start a transaction in the given time/,
];

/**
 * Whether an error says the database was unreachable (down, restarting, out of connections) rather than that the
 * request was wrong: such a failure is worth trying again in a moment, and nothing was written. Looks through
 * Prisma's wrapping (meta.driverAdapterError), `cause` and AggregateError's `errors`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailable(error, 0);
}

function unavailable(error: unknown, depth: number): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const { code, message, meta, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  const adapterCause = meta?.driverAdapterError?.cause;
  if (typeof adapterCause?.kind === "string" && UNAVAILABLE_KINDS.has(adapterCause.kind)) return true;
  if (typeof adapterCause?.code === "string" && UNAVAILABLE_CODES.has(adapterCause.code)) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message)))
    return true;
  if (Array.isArray(errors) && errors.some((inner) => unavailable(inner, depth + 1))) return true;
  return unavailable(cause, depth + 1);
}

/**
 * The foreign key a write broke, by name, if that is why it failed (Prisma's P2003 names it in its driver adapter's
 * cause). Read by shape, as above, so that the proxy, which imports this file, does not bundle Prisma's client.
 */
export function brokenForeignKey(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, meta } = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { constraint?: { index?: unknown } } } };
  };
  const index = meta?.driverAdapterError?.cause?.constraint?.index;
  return code === "P2003" && typeof index === "string" ? index : undefined;
}

/** One line, no stack, for whoever watches the database: no bug to chase (Prisma's message ends in its cause). */
export function warnDatabaseUnavailable(what: string, error: unknown): void {
  console.warn(`${what} failed, the database being unavailable: ${String(error).trim().split("\n").at(-1)}`);
}
