// When the database cannot serve a request (closed, or stopped while requests wait on it): every server action
// answers "unavailable, nothing saved" when finding out who is asking fails (server-actions.test.ts holds each
// action's write to the same); a sign-in says so; the API answers 503 with Retry-After; and no read leaves a promise
// unhandled. It runs a throw-away embedded PostgreSQL of its own, which it stops.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import getPort from "get-port";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getClaimRoute } from "@/app/api/claims/[id]/route";
import { GET as exportRoute } from "@/app/api/claims/export/route";
import { GET as listClaimsRoute } from "@/app/api/claims/route";
import { GET as getEntityRoute } from "@/app/api/entities/[id]/route";
import { GET as listEntitiesRoute } from "@/app/api/entities/route";
import { GET as getSourceRoute } from "@/app/api/sources/[id]/route";
import { GET as listSourcesRoute } from "@/app/api/sources/route";
import * as annotationActions from "@/lib/actions/annotations";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/actions/result";
import { authorizeCredentials } from "@/lib/auth";
import type { Actor } from "@/lib/auth/permissions";
import { SESSION_COOKIE, mintSessionToken } from "@/lib/auth/session-cookie";
import { SIGN_IN_DATABASE_UNAVAILABLE } from "@/lib/auth/sign-in-errors";
import { getClaim, getRelatedClaims } from "@/lib/data/claim-detail";
import { claimsPage, getClaimFacets, getClaimRows, resolveClaimsQuery } from "@/lib/data/claims";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import { getOverviewFacets, getOverviewFigures, getSectorBreakdown } from "@/lib/data/overview";
import { acquireEmbeddedServer, type EmbeddedServer } from "@/lib/embedded/postgres";
import { applyMigrations } from "@/lib/migrations/runner";
import { createPrismaClient, type Prisma } from "@/lib/prisma-client";
import { DEFAULT_CLAIMS_QUERY } from "@/lib/validations/claims";
import { MIGRATIONS_DIR } from "@/tests/helpers/seeded-database";
import { EVERY_ACTION } from "@/tests/helpers/actions";
import { lockWaiters } from "@/tests/helpers/db";

/** The client the app's getDb() returns, which the session lookup uses too. */
const state = vi.hoisted(() => ({ db: undefined as unknown, actor: null as Actor | null }));
vi.mock("@/lib/db", () => ({ getDb: () => state.db }));
vi.mock("@/lib/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth")>()),
  // What the real lookup does once it has read the session cookie: one query for the account.
  getCurrentUser: async () => {
    await (state.db as Prisma).user.findFirst({ select: { id: true } });
    return state.actor;
  },
}));

const ADMIN: Actor = { id: 1, email: "ada@unavailable.test", name: "Ada", role: "ADMIN" };
const UNAVAILABLE = { ok: false, error: DATABASE_UNAVAILABLE_MESSAGE, unavailable: true };
const AUTH_SECRET = "database-unavailable-test-secret";

let folder: string;
let server: EmbeddedServer;
/** A client of the throw-away server, which one test stops. */
let live: Prisma;
/** A client of a port nothing listens on. */
let closed: Prisma;

// The server logs each failure it answers as "unavailable" (lib/data/errors.ts), for whoever runs it: collected here
// for the last test rather than printed among the results.
const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-unavailable-"));
  // The server may run as another account (postgres, when the tests run as root).
  fs.chmodSync(folder, 0o755);
  server = await acquireEmbeddedServer({
    dataDir: path.join(folder, "postgres"),
    database: "app",
    durable: false,
    port: 3335,
  });
  await applyMigrations({ connectionString: server.url, migrationsDir: MIGRATIONS_DIR, log: () => {} });
  live = createPrismaClient(server.url);
  closed = createPrismaClient(
    `postgresql://claimdesk:unused@127.0.0.1:${await getPort({ port: 3339 })}/none`,
  );
  process.env.NEXTAUTH_SECRET = AUTH_SECRET;
});

afterAll(async () => {
  await Promise.all([live?.$disconnect(), closed?.$disconnect()]);
  await server?.release();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const ACTIONS = EVERY_ACTION;

describe("with the database closed", () => {
  it.each(ACTIONS)("%s says nothing was saved when finding out who is asking fails", async (_, action) => {
    Object.assign(state, { db: closed, actor: ADMIN });
    expect(await action({} as never)).toEqual(UNAVAILABLE);
  });

  it("a sign-in fails with the code the form names, not the database's error text", async () => {
    Object.assign(state, { db: closed });
    await expect(
      authorizeCredentials(
        { email: "ada@unavailable.test", password: "a long enough password" },
        { headers: {} },
      ),
    ).rejects.toThrow(new Error(SIGN_IN_DATABASE_UNAVAILABLE));
  });

  it("the API answers 503 with Retry-After and a JSON error, every endpoint and the export", async () => {
    Object.assign(state, { db: closed, actor: null });
    const session = `${SESSION_COOKIE}=${await mintSessionToken(1, AUTH_SECRET)}`;
    const call = (
      handler: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>,
      url: string,
      id = "",
    ) =>
      handler(new Request(`http://claimdesk.test${url}`, { headers: { cookie: session } }), {
        params: Promise.resolve({ id }),
      });
    const responses = {
      "/api/claims": await call(listClaimsRoute, "/api/claims"),
      "/api/claims/1": await call(getClaimRoute, "/api/claims/1", "1"),
      "/api/entities": await call(listEntitiesRoute, "/api/entities"),
      "/api/entities/1": await call(getEntityRoute, "/api/entities/1", "1"),
      "/api/sources": await call(listSourcesRoute, "/api/sources"),
      "/api/sources/1": await call(getSourceRoute, "/api/sources/1", "1"),
      // Only the session lookup reads the database before the download would start.
      "/api/claims/export": await call(exportRoute, "/api/claims/export?format=csv"),
    };
    for (const [url, response] of Object.entries(responses)) {
      expect({
        url,
        status: response.status,
        retryAfter: response.headers.get("retry-after"),
        cache: response.headers.get("cache-control"),
        body: await response.json(),
      }).toEqual({
        url,
        status: 503,
        retryAfter: "5",
        cache: "no-store",
        body: { error: "The database is unavailable. Try again in a moment." },
      });
    }
  });
});

describe("with the database stopped while requests wait on it", () => {
  it("the action says nothing was saved, every read fails as unavailable, and no promise is left unhandled", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    // One connection holds every table locked, so every statement below waits inside the server until it stops;
    // another watches them wait (inside the locking transaction, pg_stat_activity would not change).
    const [locker, watcher] = [
      new pg.Client({ connectionString: server.url }),
      new pg.Client({ connectionString: server.url }),
    ];
    const pending: Promise<unknown>[] = [];
    try {
      for (const client of [locker, watcher]) {
        // The stop ends these connections too; without a listener the error would be an uncaught exception.
        client.on("error", () => {});
        await client.connect();
      }
      const { rows } = await locker.query<{ tables: string }>(
        `SELECT string_agg(format('%I', tablename), ', ') AS tables FROM pg_tables WHERE schemaname = 'public'`,
      );
      await locker.query(`BEGIN; LOCK TABLE ${rows[0]!.tables} IN ACCESS EXCLUSIVE MODE`);

      Object.assign(state, { db: live, actor: ADMIN });
      const action = annotationActions.createAnnotation({
        claimId: 1,
        body: "Typed while the database restarts",
        verdict: null,
        evidence: { kind: "none" },
        locator: null,
      });
      // As the claims page, the Overview and a claim's page start them: side by side, one through another (the
      // list's count comes from the facets), a claim's in a batch transaction with raw statements.
      const searched = resolveClaimsQuery({ ...DEFAULT_CLAIMS_QUERY, q: "huawei" }, live);
      const facets = searched.then((read) => getClaimFacets(read, live));
      const claimRows = searched.then((read) => getClaimRows(read, live));
      // Nothing to resolve without names or a search: no statement.
      const overview = await resolveClaimsQuery(DEFAULT_CLAIMS_QUERY, live);
      const overviewFacets = getOverviewFacets(overview, live);
      const reads = [
        facets,
        Promise.all([claimRows, facets]).then(([page, counted]) => claimsPage(page, counted.total, 25)),
        overviewFacets,
        getOverviewFigures(DEFAULT_CLAIMS_QUERY, overviewFacets),
        getSectorBreakdown(overview, live),
        getClaim(1, live),
        getRelatedClaims(1, live),
      ];
      // Awaited from the start, as a page's components do (the page hands them on with awaitedLater): any rejection
      // reported below comes from inside the reads.
      const settled = Promise.allSettled(reads);
      pending.push(action, settled);
      await expect.poll(() => lockWaiters(watcher), { timeout: 30_000 }).toBeGreaterThanOrEqual(6);

      await server.release();

      expect(await action).toEqual(UNAVAILABLE);
      const outcomes = await settled;
      expect(
        outcomes.map((outcome) =>
          outcome.status === "rejected" ? isDatabaseUnavailable(outcome.reason) : outcome.status,
        ),
      ).toEqual(reads.map(() => true));
      // Node reports an unhandled rejection once the microtasks after it have run: two turns of the loop later.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      // Whatever failed above, nothing is left waiting on a server that is still up.
      await server.release();
      await Promise.allSettled(pending);
      process.off("unhandledRejection", onUnhandled);
      await Promise.allSettled([locker.end(), watcher.end()]);
    }
  });
});

it("logs every failure it answered as unavailable, for whoever runs the server", () => {
  expect(warnings).toHaveBeenCalledWith(
    expect.stringMatching(/^An action failed, the database being unavailable: /),
  );
  expect(warnings).toHaveBeenCalledWith(
    expect.stringMatching(/^An API request failed, the database being unavailable: /),
  );
});
