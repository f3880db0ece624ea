// Which failures mean "the database was unavailable" (worth trying again, nothing written) and which are something
// else. The shapes are the ones node-postgres, pg-pool and Prisma's pg adapter were seen to throw; the integration
// test (tests/integration/database-unavailable.test.ts) gets them from a real server that is closed or stops.
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, NotFoundError, StaleVersionError } from "@/lib/data/errors";

const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });
const prismaError = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error("Invalid invocation"), { code, meta: { driverAdapterError: { cause } } });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    ["a reset connection", withCode("ECONNRESET")],
    [
      "an administrator's shutdown (57P01)",
      withCode("57P01", "terminating connection due to administrator command"),
    ],
    ["a server still starting (57P03)", withCode("57P03", "the database system is starting up")],
    ["no connection left (53300)", withCode("53300", "sorry, too many clients already")],
    ["a server gone mid-query", new Error("Connection terminated unexpectedly")],
    [
      "a connection already broken",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
    ["a pool that found no connection in time", new Error("timeout exceeded when trying to connect")],
    [
      "Prisma's unreachable server",
      prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }),
    ],
    ["Prisma's raw query on a closed connection", prismaError("P2010", { kind: "ConnectionClosed" })],
    [
      "Prisma's raw query ended by a shutdown",
      prismaError("P2010", { kind: "postgres", code: "57P01", severity: "FATAL" }),
    ],
    [
      "Prisma's transaction that could not start",
      withCode("P2028", "Transaction API error: Unable to start a transaction in the given time."),
    ],
    [
      "every address refusing (AggregateError)",
      new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], "connect failed"),
    ],
    ["a wrapped cause", new Error("read failed", { cause: withCode("ECONNREFUSED") })],
  ])("recognises %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["a statement error", prismaError("P2010", { kind: "postgres", code: "42P01", severity: "ERROR" })],
    ["a cancelled statement (57014)", withCode("57014", "canceling statement due to statement timeout")],
    ["a closed transaction", withCode("P2028", "Transaction API error: Transaction already closed")],
    ["a record that is gone", new NotFoundError("claim")],
    ["a stale version", new StaleVersionError("note")],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["something that is not an error", "ECONNREFUSED"],
    ["nothing", null],
  ])("does not mistake %s for it", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
