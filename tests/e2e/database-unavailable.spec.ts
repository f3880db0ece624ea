// The database goes away under a running server and comes back. This file runs a `next start` of its own (the
// production build, on E2E_PORT + 1) over a throw-away embedded PostgreSQL that it stops and starts again, so the
// other browser tests keep their server and database; its tests run one after another, on that one server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { APIRequestContext } from "@playwright/test";
import { startNextServer, type NextServer } from "@/scripts/bench/next-server";
import { SESSION_COOKIE, mintSessionToken } from "@/lib/auth/session-cookie";
import { DATABASE_RETRY_AFTER_S } from "@/lib/data/errors";
import { acquireEmbeddedServer, type EmbeddedServer } from "@/lib/embedded/postgres";
import { applyMigrations } from "@/lib/migrations/runner";
import { createPrismaClient } from "@/lib/prisma-client";
import { FACTORY_PASSWORD, makeClaim, makeUser } from "@/prisma/factories";
import { MIGRATIONS_DIR } from "../helpers/seeded-database";
import { expect, test } from "./support/fixtures";
import { lockWaiters } from "../helpers/db";

test.describe.configure({ mode: "serial" });

const APP_PORT = Number(process.env.E2E_PORT ?? 3210) + 1;
const ORIGIN = `http://127.0.0.1:${APP_PORT}`;
const DATABASE_PORT = APP_PORT + 1;

let folder: string;
let dataDir: string;
let database: EmbeddedServer | undefined;
let app: NextServer;
let reviewerCookie: string;
let reviewerEmail: string;
let claimId: number;
/** Every line the server printed: a promise left unhandled, or an exception, shows up here. */
const serverOutput: string[] = [];

async function startDatabase(): Promise<EmbeddedServer> {
  // The port of the first start, so the server's DATABASE_URL reaches the database again after a restart.
  return acquireEmbeddedServer({ dataDir, database: "app", durable: false, port: DATABASE_PORT });
}

async function stopDatabase(request: APIRequestContext) {
  await database?.release();
  database = undefined;
  await expectHealth(request, 503);
}

async function restartDatabase(request: APIRequestContext) {
  database = await startDatabase();
  await expectHealth(request, 200);
}

/** The server's own answer to "is the database there", which the pages' proxy asks too (and keeps for a second). */
async function expectHealth(request: APIRequestContext, status: number) {
  await expect
    .poll(async () => (await request.get(`${ORIGIN}/api/health`)).status(), { timeout: 20_000 })
    .toBe(status);
}

test.beforeAll(async () => {
  // Migrating, filling and starting a production server, on a 2-core machine.
  test.setTimeout(180_000);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-e2e-unavailable-"));
  // The server may run as another account (postgres, when the tests run as root).
  fs.chmodSync(folder, 0o755);
  dataDir = path.join(folder, "postgres");
  database = await startDatabase();
  await applyMigrations({ connectionString: database.url, migrationsDir: MIGRATIONS_DIR, log: () => {} });
  const prisma = createPrismaClient(database.url);
  try {
    const reviewer = await makeUser(prisma, { role: "REVIEWER", name: "Rita Reviewer" });
    reviewerEmail = reviewer.email;
    claimId = (await makeClaim(prisma)).id;
    app = await startNextServer({
      databaseUrl: database.url,
      port: APP_PORT,
      onOutput: (line) => serverOutput.push(line),
    });
    reviewerCookie = await mintSessionToken(reviewer.id, app.authSecret);
  } finally {
    await prisma.$disconnect();
  }
});

test.afterAll(async () => {
  await app?.stop();
  await database?.release();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

test("a note typed while the database goes away is kept, the form says nothing was saved, and it saves once the database is back", async ({
  browser,
  request,
}) => {
  test.slow();
  const context = await browser.newContext();
  await context.addCookies([
    { name: SESSION_COOKIE, value: reviewerCookie, url: ORIGIN, httpOnly: true, sameSite: "Lax" },
  ]);
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/claims/${claimId}`);
  const form = page.getByRole("form", { name: "Add a note" });
  const note = form.getByLabel("Note", { exact: true });
  const text = "Written while the database restarts; every word of it should survive.";
  await note.fill(text);

  await stopDatabase(request);
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "The database is unavailable, so nothing was saved. What you entered is still here: try again in a moment.",
  );
  await expect(note).toHaveValue(text);

  await restartDatabase(request);
  await form.getByRole("button", { name: "Add note" }).click();
  // The composer empties only once the note is saved, and the thread shows it.
  await expect(note).toHaveValue("");
  await expect(page.getByRole("article", { name: "Rita Reviewer's note" })).toContainText(text);
  await context.close();
});

test("a sign-in sent while the database is down answers 503 and says so, not that the password was wrong", async ({
  page,
  request,
}) => {
  await page.goto(`${ORIGIN}/sign-in`);
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("Email").fill(reviewerEmail);
  await form.getByLabel("Password").fill(FACTORY_PASSWORD);
  await stopDatabase(request);
  try {
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/"));
    await form.getByRole("button", { name: "Sign in" }).click();
    const response = await answered;
    expect({ status: response.status(), retryAfter: response.headers()["retry-after"] }).toEqual({
      status: 503,
      retryAfter: String(DATABASE_RETRY_AFTER_S),
    });
    await expect(form.getByRole("alert")).toHaveText(
      "The database is unavailable, so you could not be signed in. Try again in a moment.",
    );
  } finally {
    await restartDatabase(request);
  }
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: /^Rita Reviewer, account menu/ })).toBeVisible();
});

test("while the database is down, pages answer 503 with Retry-After and say so, and the API answers 503 JSON", async ({
  page,
  request,
}) => {
  await stopDatabase(request);
  try {
    for (const url of ["/", "/claims", `/claims/${claimId}`]) {
      const response = await request.get(`${ORIGIN}${url}`);
      expect({ url, status: response.status(), retryAfter: response.headers()["retry-after"] }).toEqual({
        url,
        status: 503,
        retryAfter: "5",
      });
      expect(await response.text()).toContain("The database is unavailable");
    }
    const api = await request.get(`${ORIGIN}/api/claims`);
    expect({
      status: api.status(),
      retryAfter: api.headers()["retry-after"],
      body: await api.json(),
    }).toEqual({
      status: 503,
      retryAfter: "5",
      body: { error: "The database is unavailable. Try again in a moment." },
    });
    await page.goto(`${ORIGIN}/claims`);
    await expect(page.getByRole("heading", { name: "The database is unavailable" })).toBeVisible();
  } finally {
    await restartDatabase(request);
  }
  await page.goto(`${ORIGIN}/claims`);
  await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
});

test("a page whose reads the database drops mid-render shows the error page, which says the database is unavailable", async ({
  page,
  request,
}) => {
  // Every table locked, so the page's reads wait inside the database until it stops under them.
  const url = database!.url;
  const locker = new pg.Client({ connectionString: url });
  const watcher = new pg.Client({ connectionString: url });
  for (const client of [locker, watcher]) {
    // The stop ends these connections; without a listener that would be an uncaught exception here.
    client.on("error", () => {});
    await client.connect();
  }
  try {
    const { rows } = await locker.query<{ tables: string }>(
      `SELECT string_agg(format('%I', tablename), ', ') AS tables FROM pg_tables WHERE schemaname = 'public'`,
    );
    await locker.query(`BEGIN; LOCK TABLE ${rows[0]!.tables} IN ACCESS EXCLUSIVE MODE`);
    const loading = page.goto(`${ORIGIN}/claims/${claimId}`);
    await expect.poll(() => lockWaiters(watcher), { timeout: 20_000 }).toBeGreaterThan(0);
    await stopDatabase(request);
    await loading;
    // The error page (app/error.tsx, an alert), not the proxy's: this page had passed the proxy before the stop.
    await expect(
      page.getByRole("alert").getByRole("heading", { name: "The database is unavailable" }),
    ).toBeVisible();
  } finally {
    await Promise.allSettled([locker.end(), watcher.end()]);
    if (!database) await restartDatabase(request);
  }
});

test("through all of it, the server left no promise unhandled and threw nothing uncaught", () => {
  expect(serverOutput.filter((line) => /unhandledRejection|uncaughtException/i.test(line))).toEqual([]);
});
