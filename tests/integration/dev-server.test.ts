// `next dev` on the test database, as `npm run dev` runs it. Next's dev server loads lib/ once per bundle (pages,
// route handlers), and state kept per module copy made whichever bundle opened the database second fail
// ("queryRows needs a client made by createPrismaClient"): so the API and the pages are opened in both orders,
// each on a freshly started server.
import { spawn } from "node:child_process";
import path from "node:path";
import getPort from "get-port";
import { beforeAll, describe, expect, it } from "vitest";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const API = ["/api/claims", "/api/claims?q=Hauwei"];
const PAGES = ["/claims", "/"];

let firstClaimText: string;
let claimCount: number;

beforeAll(async () => {
  const prisma = await freshSeededDatabase();
  try {
    claimCount = await prisma.claim.count();
    const first = await prisma.claim.findFirstOrThrow({
      orderBy: { startOffset: "asc" },
      select: { text: true },
    });
    firstClaimText = first.text;
  } finally {
    await prisma.$disconnect();
  }
});

async function withDevServer(work: (baseUrl: string) => Promise<void>): Promise<void> {
  const port = await getPort({ host: "127.0.0.1" });
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["next", "dev", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      // Its own build folder: Next allows one dev server per build folder, and a developer's own may be running.
      CLAIMDESK_NEXT_DIST_DIR: ".next-alt",
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "a dev-server test secret, 32 bytes or more",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitUntilListening(baseUrl, exited, () => output);
    await work(baseUrl);
    expect(output).not.toMatch(/queryRows needs|unhandledRejection|Unhandled Rejection/);
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  }
}

async function waitUntilListening(
  baseUrl: string,
  exited: Promise<void>,
  output: () => string,
): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (gone) throw new Error(`next dev exited:\n${output()}`);
    // A port that answers at all is enough: the first request to each route compiles it, which is under test.
    if (
      await fetch(`${baseUrl}/robots.txt`).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next dev did not listen within 60 s:\n${output()}`);
}

async function expectContent(baseUrl: string, route: string): Promise<void> {
  const response = await fetch(`${baseUrl}${route}`);
  const body = await response.text();
  expect(response.status, `${route}: ${body.slice(0, 300)}`).toBe(200);
  if (route.startsWith("/api/")) {
    expect((JSON.parse(body) as { data: unknown[] }).data.length, route).toBeGreaterThan(0);
    return;
  }
  expect(body, route).not.toContain("This page could not be loaded");
  if (route === "/claims") expect(body).toContain(escapeHtml(firstClaimText));
  else expect(body).toContain(`>${claimCount}<`);
}

const escapeHtml = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#x27;");

describe("next dev", () => {
  it("serves the README's API examples, then the pages", { timeout: 240_000 }, async () => {
    await withDevServer(async (baseUrl) => {
      for (const route of [...API, ...PAGES]) await expectContent(baseUrl, route);
    });
  });

  it("serves the pages, then the README's API examples", { timeout: 240_000 }, async () => {
    await withDevServer(async (baseUrl) => {
      for (const route of [...PAGES, ...API]) await expectContent(baseUrl, route);
    });
  });
});
