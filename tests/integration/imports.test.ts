// Imports as jobs on the real queue: the route and the data layer queue them for reviewers and admins only, the
// worker runs them to a draft, the same text twice is one document, and a worker killed mid-import finishes it
// after a restart without a second copy.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as postImport, GET as listImports } from "@/app/api/imports/route";
import { GET as getImportRoute } from "@/app/api/imports/[id]/route";
import { UPLOAD_REQUEST_LIMIT_BYTES } from "@/lib/actions/limits";
import { AuthorizationError, type Actor } from "@/lib/auth/permissions";
import { SESSION_COOKIE, mintSessionToken } from "@/lib/auth/session-cookie";
import { createImport, getImport, type ImportView } from "@/lib/data/imports";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { startImportWorker, type ImportWorker } from "@/lib/imports/worker";
import type { Prisma } from "@/lib/prisma-client";
import { makeUser, uniqueTag } from "@/prisma/factories";
import { docxBytes } from "@/tests/fixtures/formats/build";
import { testDatabaseUrl } from "@/tests/helpers/db";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

const BASE = "http://claimdesk.test";
const AUTH_SECRET = "imports-test-secret";
const NO_DETAILS = { title: null, publisher: null, url: null, publishedAt: null };

let prisma: Prisma;
const users: Partial<Record<Role, Actor>> = {};
let worker: ImportWorker | undefined;

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  process.env.NEXTAUTH_SECRET = AUTH_SECRET;
  for (const role of ["VIEWER", "ANALYST", "REVIEWER", "ADMIN"] as const)
    users[role] = await makeUser(prisma, { role });
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});
afterAll(async () => {
  await getDb().$disconnect();
  await prisma?.$disconnect();
});

/** A short report no other test imports: the same text twice would be one document. */
function report(tag = uniqueTag()): string {
  return [
    `Compute brief ${tag}`,
    "",
    "# Procurement",
    "",
    `ByteDance ordered 40,000 Ascend 910C chips from Huawei in March 2025, according to two people briefed on the deal (ref ${tag}).`,
    "",
    "Tencent Cloud said it would double its AI capacity in Guangdong by 2026.",
    "",
    "What does this mean for Nvidia?",
  ].join("\n");
}

const text = (value: string) => new TextEncoder().encode(value);

async function startWorker() {
  worker = await startImportWorker(testDatabaseUrl(), { log: () => {}, onLockLost: () => {} });
}

async function settled(actor: Actor, id: number, timeoutMs = 45_000): Promise<ImportView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = (await getImport(prisma, actor, id))!;
    if (view.state === "SUCCEEDED" || view.state === "FAILED") return view;
    if (Date.now() > deadline)
      throw new Error(`import ${id} still ${view.state} at stage ${JSON.stringify(view.stages)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("who may import", () => {
  it.each(["VIEWER", "ANALYST"] as const)("refuses a %s and records nothing", async (role) => {
    const before = await prisma.importJob.count();
    await expect(
      createImport(prisma, users[role]!, { content: text(report()), fileName: null, details: NO_DETAILS }),
    ).rejects.toBeInstanceOf(AuthorizationError);
    await expect(
      createImport(prisma, null, { content: text(report()), fileName: null, details: NO_DETAILS }),
    ).rejects.toThrow(AuthorizationError);
    expect(await prisma.importJob.count()).toBe(before);
  });

  it("refuses to show an import to an analyst", async () => {
    await expect(getImport(prisma, users.ANALYST!, 1)).rejects.toBeInstanceOf(AuthorizationError);
  });
});

describe("the import worker", () => {
  it("turns a pasted report into a draft with candidates, proposed entities and skipped sentences", async () => {
    await startWorker();
    const queued = await createImport(prisma, users.REVIEWER!, {
      content: text(report()),
      fileName: null,
      details: { ...NO_DETAILS, publisher: "Test Wire", publishedAt: "2025-04-01" },
    });
    expect(queued.state).toBe("QUEUED");
    const done = await settled(users.REVIEWER!, queued.id);
    expect(done).toMatchObject({ state: "SUCCEEDED", duplicate: false, error: null });
    expect(done.stages.every((stage) => stage.status === "done")).toBe(true);
    expect(done.document).toMatchObject({ draft: true, claims: 2, skippedSentences: expect.any(Number) });
    expect(done.document!.proposedEntities).toBeGreaterThan(0);

    const document = await prisma.document.findUniqueOrThrow({
      where: { id: done.document!.id },
      include: { proposedEntities: true, skippedSentences: true, _count: { select: { claims: true } } },
    });
    expect(document).toMatchObject({ state: "DRAFT", publisher: "Test Wire" });
    expect(document.title).toMatch(/^Compute brief /);
    // Nothing is published until someone publishes it: the claims table has none of it.
    expect(document._count.claims).toBe(0);
    expect(document.proposedEntities.map((e) => e.name)).toContain("ByteDance");
    expect(document.skippedSentences.map((s) => s.text)).toContain("What does this mean for Nvidia?");
  });

  it("gives one document for the same file imported twice", async () => {
    await startWorker();
    const content = docxBytes({
      // Word keeps a timestamp: the document takes its day as the publication date.
      core: { created: "2025-03-12T09:15:00Z" },
      paragraphs: [
        { style: "Title", runs: [`Chip export brief ${uniqueTag()}`] },
        { style: "Heading1", runs: ["Controls"] },
        {
          style: "Normal",
          runs: ["The Commerce Department added 140 Chinese entities to the Entity List in December 2024."],
        },
      ],
    });
    const upload = { content, fileName: "brief.docx", details: NO_DETAILS };
    const first = await createImport(prisma, users.REVIEWER!, upload);
    const second = await createImport(prisma, users.ADMIN!, upload);
    const [a, b] = [await settled(users.REVIEWER!, first.id), await settled(users.ADMIN!, second.id)];
    expect(a.state).toBe("SUCCEEDED");
    expect(b.state).toBe("SUCCEEDED");
    expect(b.document!.id).toBe(a.document!.id);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    const document = await prisma.document.findUniqueOrThrow({ where: { id: a.document!.id } });
    expect(document.publishedAt?.toISOString().slice(0, 10)).toBe("2025-03-12");
  });

  it("fails a file it cannot read with the reader's words, and writes no document", async () => {
    await startWorker();
    const documents = await prisma.document.count();
    const queued = await createImport(prisma, users.REVIEWER!, {
      content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]),
      fileName: "report.pdf",
      details: NO_DETAILS,
    });
    const done = await settled(users.REVIEWER!, queued.id);
    expect(done.state).toBe("FAILED");
    expect(done.error).toMatch(/not text/);
    expect(done.stages.find((stage) => stage.status === "failed")?.name).toBe("reading");
    expect(await prisma.document.count()).toBe(documents);
  });

  it("finishes an import cut off by a killed worker once a worker starts again, with no second copy", async () => {
    // Long enough that the worker is still at it when it is killed: twenty reports in one text.
    const fixtures = path.join(import.meta.dirname, "../fixtures/reports");
    const body = fs
      .readdirSync(fixtures)
      .filter((name) => name.endsWith(".txt"))
      .map((name) => fs.readFileSync(path.join(fixtures, name), "utf8"))
      .join("\n\n");
    const long = `Long report ${uniqueTag()}\n\n${Array.from({ length: 20 }, (_, i) => `# Part ${i + 1}\n\n${body}`).join("\n\n")}`;
    const queued = await createImport(prisma, users.REVIEWER!, {
      content: text(long),
      fileName: null,
      details: NO_DETAILS,
    });

    const child = spawnWorker();
    try {
      await waitFor(async () => {
        const job = await prisma.importJob.findUniqueOrThrow({ where: { id: queued.id } });
        return job.state === "RUNNING" && job.stage !== "reading";
      });
    } finally {
      await kill(child);
    }
    const cutOff = await prisma.importJob.findUniqueOrThrow({ where: { id: queued.id } });
    expect(cutOff.state).toBe("RUNNING");

    await startWorker();
    const done = await settled(users.REVIEWER!, queued.id, 90_000);
    expect(done.state).toBe("SUCCEEDED");
    expect(await prisma.document.count({ where: { title: long.split("\n")[0] } })).toBe(1);
    const job = await prisma.importJob.findUniqueOrThrow({ where: { id: queued.id } });
    expect(job.attempts).toBe(2);
  }, 180_000);
});

describe("POST /api/imports", () => {
  async function post(
    body: BodyInit | null,
    headers: Record<string, string>,
    role?: Role,
  ): Promise<Response> {
    const cookie = role
      ? `${SESSION_COOKIE}=${await mintSessionToken(users[role]!.id, AUTH_SECRET)}`
      : undefined;
    return postImport(
      new Request(new URL("/api/imports", BASE), {
        method: "POST",
        body,
        headers: { ...headers, ...(cookie && { cookie }) },
      }),
    );
  }

  function form(fields: Record<string, string | Blob>): FormData {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  }

  it("queues a pasted text for a reviewer and answers where to follow it", async () => {
    const before = await prisma.importJob.count();
    const response = await post(
      form({ text: report(), title: "Pasted brief", url: "https://example.com/brief" }),
      {},
      "REVIEWER",
    );
    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: number; state: string; url: string };
    expect(body.state).toBe("QUEUED");
    expect(response.headers.get("location")).toBe(`/api/imports/${body.id}`);
    expect(await prisma.importJob.count()).toBe(before + 1);

    const followed = await getImportRoute(
      new Request(body.url, {
        headers: { cookie: `${SESSION_COOKIE}=${await mintSessionToken(users.REVIEWER!.id, AUTH_SECRET)}` },
      }),
      { params: Promise.resolve({ id: String(body.id) }) },
    );
    expect(followed.status).toBe(200);
    expect(await followed.json()).toMatchObject({ id: body.id, title: "Pasted brief" });
  });

  it("takes a file as JSON for scripts", async () => {
    const response = await post(
      JSON.stringify({
        file: { name: "notes.md", base64: Buffer.from(report()).toString("base64") },
        publisher: "Desk",
      }),
      { "content-type": "application/json" },
      "ADMIN",
    );
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ fileName: "notes.md", state: "QUEUED" });
  });

  it.each([
    ["signed out", undefined, 401],
    ["an analyst", "ANALYST", 403],
  ] as const)("refuses %s and records nothing", async (_, role, status) => {
    const before = await prisma.importJob.count();
    const response = await post(form({ text: report() }), {}, role);
    expect(response.status).toBe(status);
    expect(await prisma.importJob.count()).toBe(before);
  });

  const refusals: [string, () => BodyInit, Record<string, string>, number, RegExp][] = [
    ["no text and no file", () => form({ title: "Nothing" }), {}, 400, /Paste the report's text/],
    ["an empty file", () => form({ file: new File([], "empty.pdf") }), {}, 400, /file is empty/],
    ["a file and a text", () => form({ file: new File(["x"], "a.txt"), text: "y" }), {}, 400, /not both/],
    ["a bad address", () => form({ text: report(), url: "javascript:alert(1)" }), {}, 400, /http/],
    [
      "a future date",
      () => form({ text: report(), publishedAt: "2999-01-01" }),
      {},
      400,
      /not in the future/,
    ],
    [
      "a body larger than an upload may be",
      () => "x".repeat(UPLOAD_REQUEST_LIMIT_BYTES + 1),
      { "content-type": "multipart/form-data; boundary=b" },
      413,
      /larger than/,
    ],
    [
      "plain text without a form",
      () => report(),
      { "content-type": "text/plain" },
      415,
      /multipart\/form-data/,
    ],
    ["malformed JSON", () => "{", { "content-type": "application/json" }, 400, /not valid JSON/],
    [
      "a file that is not base64",
      () => JSON.stringify({ file: { name: "a.pdf", base64: "<%>" } }),
      { "content-type": "application/json" },
      400,
      /base64/,
    ],
  ];

  it.each(refusals)("refuses %s, recording nothing", async (_, body, headers, status, message) => {
    const before = await prisma.importJob.count();
    const response = await post(body(), headers, "REVIEWER");
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect(await prisma.importJob.count()).toBe(before);
  });

  it("lists the latest imports to reviewers only", async () => {
    const cookie = `${SESSION_COOKIE}=${await mintSessionToken(users.REVIEWER!.id, AUTH_SECRET)}`;
    const listed = await listImports(new Request(new URL("/api/imports", BASE), { headers: { cookie } }));
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { imports: unknown[] }).imports.length).toBeGreaterThan(0);
    const refused = await listImports(new Request(new URL("/api/imports", BASE)));
    expect(refused.status).toBe(401);
  });
});

function spawnWorker(): ChildProcess {
  return spawn("npx", ["tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
    stdio: "ignore",
    detached: true,
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGKILL");
  await exited;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
