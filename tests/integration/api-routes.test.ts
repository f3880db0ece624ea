import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getClaimRoute } from "@/app/api/claims/[id]/route";
import { GET as exportRoute, HEAD as exportHeadRoute } from "@/app/api/claims/export/route";
import { GET as listClaimsRoute } from "@/app/api/claims/route";
import { GET as getEntityRoute } from "@/app/api/entities/[id]/route";
import { GET as listEntitiesRoute } from "@/app/api/entities/route";
import { GET as getSourceRoute } from "@/app/api/sources/[id]/route";
import { GET as listSourcesRoute } from "@/app/api/sources/route";
import { SESSION_COOKIE, mintSessionToken } from "@/lib/auth/session-cookie";
import { getClaims } from "@/lib/data/claims";
import { COMMAND_LINE, createUser } from "@/lib/data/users";
import { getDb } from "@/lib/db";
import { EXPORT_COLUMNS, getExportPool } from "@/lib/export/claims-export";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/prisma-client";
import { parseClaimsQuery } from "@/lib/validations/claims";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

const BASE = "http://claimdesk.test";
const AUTH_SECRET = "api-routes-test-secret";

let prisma: Prisma;
/** Session cookies of accounts by role, minted as next-auth would after a sign-in. */
const cookies: Partial<Record<Role, string>> = {};
beforeAll(async () => {
  prisma = await freshSeededDatabase();
  process.env.NEXTAUTH_SECRET = AUTH_SECRET;
  for (const role of ["VIEWER", "ANALYST"] as const) {
    const user = await createUser(prisma, COMMAND_LINE, {
      email: `${role.toLowerCase()}@api.test`,
      name: role,
      password: "a long enough password",
      role,
    });
    cookies[role] = `${SESSION_COOKIE}=${await mintSessionToken(user.id, AUTH_SECRET)}`;
  }
});
afterAll(async () => {
  await getExportPool().end();
  await getDb().$disconnect();
  await prisma?.$disconnect();
});

type Page<T> = { data: T[]; page: number; size: number; total: number; pageCount: number };
type ClaimItem = {
  id: number;
  url: string;
  text: string;
  asOf: string | null;
  sectors: string[];
  entities: { slug: string; name: string; role: string }[];
  highlights: [number, number][];
};
type EntityItem = { id: number; slug: string; name: string; aliases: string[]; parent: string | null };

async function call(
  handler: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>,
  path: string,
  id = "",
  cookie?: string,
) {
  const request = new Request(new URL(path, BASE), { headers: cookie ? { cookie } : {} });
  const response = await handler(request, { params: Promise.resolve({ id }) });
  expect(response.headers.get("cache-control")).toBe("no-store");
  return response;
}

async function list<T>(handler: (request: Request) => Promise<Response>, path: string): Promise<Page<T>> {
  const response = await call(handler, path);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return (await response.json()) as Page<T>;
}

const claimIds = async (params: Record<string, string>) =>
  (await getClaims(parseClaimsQuery(params), prisma)).rows.map((row) => row.id);

describe("GET /api/claims", () => {
  it("answers the table's page for the same parameters", async () => {
    const params = { entity: "huawei", sector: "hardware-chips" };
    const page = await list<ClaimItem>(listClaimsRoute, `/api/claims?${new URLSearchParams(params)}`);
    expect(page.data.map((claim) => claim.id)).toEqual(await claimIds(params));
    expect(page).toMatchObject({ page: 1, size: 25, total: page.data.length, pageCount: 1 });
    expect(page.data.length).toBeGreaterThan(0);
    const [first] = page.data;
    expect(Object.keys(first!)).toEqual([
      "id",
      "url",
      "text",
      "kind",
      "status",
      "verdict",
      "citationMissing",
      "asOf",
      "document",
      "section",
      "sectors",
      "entities",
      "sourceCount",
      "quantityCount",
      "highlights",
    ]);
    expect(first!.url).toBe(`${BASE}/claims/${first!.id}`);
    expect(first!.sectors).toContain("hardware-chips");
    expect(first!.entities).toContainEqual({ slug: "huawei", name: "Huawei", role: expect.any(String) });
  });

  it("pages, sorts and searches like the table, with highlights", async () => {
    const second = await list<ClaimItem>(listClaimsRoute, "/api/claims?size=10&page=2&sort=kind&dir=desc");
    expect(second.data.map((c) => c.id)).toEqual(
      await claimIds({ size: "10", page: "2", sort: "kind", dir: "desc" }),
    );
    const total = await prisma.claim.count();
    expect(second).toMatchObject({ page: 2, size: 10, total, pageCount: Math.ceil(total / 10) });

    const search = await list<ClaimItem>(listClaimsRoute, "/api/claims?q=Hauwei");
    expect(search.data.map((c) => c.id)).toEqual(await claimIds({ q: "Hauwei" }));
    expect(search.data.some((claim) => claim.highlights.length > 0)).toBe(true);
  });

  it("answers an empty page past the end, with the real total", async () => {
    const total = await prisma.claim.count();
    expect(await list(listClaimsRoute, "/api/claims?page=99")).toEqual({
      data: [],
      page: 99,
      size: 25,
      total,
      pageCount: Math.ceil(total / 25),
    });
  });

  it("falls back to defaults for values it does not know", async () => {
    const page = await list<ClaimItem>(
      listClaimsRoute,
      "/api/claims?size=7&page=-2&kind=nonsense&sort=text&dir=sideways&sector=DROP%20TABLE&document=abc",
    );
    expect(page).toMatchObject({ page: 1, size: 25, total: await prisma.claim.count() });
    expect(page.data.map((c) => c.id)).toEqual(await claimIds({}));
  });

  it("treats hostile searches as text", async () => {
    const claimsBefore = await prisma.claim.count();
    for (const q of [
      `'; DROP TABLE "Claim"; --`,
      `huawei' OR '1'='1`,
      "%_\\",
      "\u0000\u0007Huawei\u001b[31m",
      "华为".repeat(500),
    ]) {
      const page = await list<ClaimItem>(listClaimsRoute, `/api/claims?${new URLSearchParams({ q })}`);
      expect(page.data.map((c) => c.id)).toEqual(await claimIds({ q }));
    }
    const controls = await list<ClaimItem>(listClaimsRoute, "/api/claims?q=%00Huawei%07");
    expect(controls.total).toBe((await list<ClaimItem>(listClaimsRoute, "/api/claims?q=Huawei")).total);
    expect(await prisma.claim.count()).toBe(claimsBefore);
  });

  it("gives an as-of date only as precise as the text", async () => {
    const dated = (await list<ClaimItem>(listClaimsRoute, "/api/claims?size=100")).data.filter((c) => c.asOf);
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((claim) => /^\d{4}$/.test(claim.asOf!))).toBe(true);
  });
});

describe("GET /api/claims/<id>", () => {
  it("answers one claim with everything linked to it", async () => {
    const [withSources] = await claimIds({ has_sources: "yes", has_quantities: "yes" });
    const id = withSources ?? (await claimIds({ has_sources: "yes" }))[0]!;
    const response = await call(getClaimRoute, `/api/claims/${id}`, String(id));
    expect(response.status).toBe(200);
    const claim = await response.json();
    expect(claim).toMatchObject({
      id,
      url: `${BASE}/claims/${id}`,
      text: expect.any(String),
      document: { id: expect.any(Number), title: expect.any(String) },
      section: { id: expect.any(Number), heading: expect.any(String) },
      sectors: expect.arrayContaining([{ slug: expect.any(String), name: expect.any(String) }]),
      sources: expect.arrayContaining([expect.objectContaining({ relation: expect.any(String) })]),
    });
    expect(claim.entities.length).toBeGreaterThan(0);
    expect(claim.entities[0]).toEqual({
      id: expect.any(Number),
      slug: expect.any(String),
      name: expect.any(String),
      kind: expect.any(String),
      role: expect.stringMatching(/^(SUBJECT|MENTIONED)$/),
    });
    const codePoints = Array.from(claim.text as string);
    expect(claim.mentions.length).toBeGreaterThan(0);
    for (const mention of claim.mentions) {
      expect(codePoints.slice(mention.start, mention.end).join("")).toBe(mention.surface);
      expect(mention.entities.length).toBeGreaterThan(0);
    }
  });

  it("answers a quantity with its value, unit, qualifier, measure and surface", async () => {
    const [id] = await claimIds({ has_quantities: "yes" });
    const claim = await (await call(getClaimRoute, `/api/claims/${id}`, String(id))).json();
    expect(claim.quantities[0]).toEqual({
      value: expect.any(Number),
      unit: expect.any(String),
      qualifier: expect.any(String),
      measure: expect.any(String),
      surface: expect.any(String),
    });
  });

  it.each(["abc", "0", "-1", "1.5", "1e3", "99999999999", "2147483647", "%27%20OR%201%3D1"])(
    "answers 404 JSON for %s",
    async (id) => {
      const response = await call(getClaimRoute, `/api/claims/${id}`, decodeURIComponent(id));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    },
  );
});

describe("GET /api/entities", () => {
  it("finds names and aliases, Chinese and misspelt, for the typeahead", async () => {
    for (const q of ["华为", "Hauwei", "huawei", "Huawei Technologies"]) {
      const page = await list<EntityItem>(
        listEntitiesRoute,
        `/api/entities?${new URLSearchParams({ q, size: "8" })}`,
      );
      expect(page.size).toBe(8);
      expect(page.data.length).toBeLessThanOrEqual(8);
      expect(page.data[0]?.slug).toBe("huawei");
    }
  });

  it("answers the documented fields, with the parent's slug", async () => {
    const page = await list<EntityItem>(listEntitiesRoute, "/api/entities?q=Ascend&size=8");
    const chip = page.data.find((entity) => entity.slug === "ascend-910b");
    expect(chip).toEqual({
      id: expect.any(Number),
      slug: "ascend-910b",
      name: expect.any(String),
      kind: "CHIP",
      country: expect.toBeOneOf([null, expect.any(String)]),
      aliases: expect.any(Array),
      parent: "huawei",
      claimCount: expect.any(Number),
    });
    const huawei = (await list<EntityItem>(listEntitiesRoute, "/api/entities?q=huawei&size=1")).data[0];
    expect(huawei?.aliases).toContain("华为");
  });

  it("filters by kind, pages past the end and falls back on bad values", async () => {
    const chips = await list<EntityItem & { kind: string }>(
      listEntitiesRoute,
      "/api/entities?kind=CHIP&size=100",
    );
    expect(chips.data.length).toBeGreaterThan(0);
    expect(chips.data.every((entity) => entity.kind === "CHIP")).toBe(true);
    const past = await list(listEntitiesRoute, "/api/entities?kind=CHIP&page=500");
    expect(past).toMatchObject({ data: [], page: 500, total: chips.total });
    const fallback = await list(listEntitiesRoute, "/api/entities?kind=banana&size=5000&page=x");
    expect(fallback).toMatchObject({ page: 1, size: 25, total: await prisma.entity.count() });
  });

  it("treats hostile searches as text", async () => {
    for (const q of [`'; DROP TABLE "Entity"; --`, "%", "_", "\u0000\u0008", "x".repeat(5000)]) {
      await list(listEntitiesRoute, `/api/entities?${new URLSearchParams({ q })}`);
    }
    const wildcard = await list(listEntitiesRoute, "/api/entities?q=%25");
    expect(wildcard.total).toBe(0);
    expect(await prisma.entity.count()).toBeGreaterThan(0);
  });

  it("answers fast enough for a typeahead", async () => {
    const timings: number[] = [];
    for (const q of ["hu", "hua", "huaw", "huawe", "huawei", "华", "华为", "Hauwei", "deep", "deepseek"]) {
      const start = performance.now();
      await list(listEntitiesRoute, `/api/entities?${new URLSearchParams({ q, size: "8" })}`);
      timings.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    console.info(`typeahead: median ${timings[5]!.toFixed(1)} ms, worst ${timings.at(-1)!.toFixed(1)} ms`);
    expect(timings[5]).toBeLessThan(100);
  });
});

describe("GET /api/entities/<id>", () => {
  it("answers one entity with its aliases, parent, children and counts", async () => {
    const { id } = await prisma.entity.findUniqueOrThrow({ where: { slug: "huawei" } });
    const response = await call(getEntityRoute, `/api/entities/${id}`, String(id));
    expect(response.status).toBe(200);
    const entity = await response.json();
    expect(entity).toMatchObject({
      id,
      slug: "huawei",
      aliases: expect.arrayContaining([{ alias: "华为", language: "zh" }]),
      children: expect.arrayContaining([expect.objectContaining({ name: expect.stringMatching(/Ascend/) })]),
      claimsUrl: `${BASE}/api/claims?entity=huawei`,
    });
    expect(entity.claimCount).toBe(entity.claimCountByRole.subject + entity.claimCountByRole.mentioned);
    expect(entity.claimCount).toBe((await claimIds({ entity: "huawei", size: "100" })).length);
  });

  it.each(["abc", "0", "999999", "-5"])("answers 404 JSON for %s", async (id) => {
    const response = await call(getEntityRoute, `/api/entities/${id}`, id);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });
});

describe("GET /api/sources", () => {
  it("answers the documented fields, searching titles", async () => {
    const page = await list<Record<string, unknown>>(listSourcesRoute, "/api/sources?q=AI%20Index");
    expect(page.data[0]).toEqual({
      id: expect.any(Number),
      slug: "stanford-ai-index-2025",
      title: "AI Index Report 2025",
      publisher: expect.toBeOneOf([null, expect.any(String)]),
      url: "https://hai.stanford.edu/ai-index/2025-ai-index-report",
      kind: expect.any(String),
      reliability: null,
      publishedAt: expect.toBeOneOf([null, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]),
      claimCount: expect.any(Number),
    });
    const all = await list(listSourcesRoute, "/api/sources?kind=nonsense&size=0&page=3");
    expect(all).toMatchObject({ data: [], page: 3, size: 25, total: await prisma.source.count() });
  });

  it("answers one source with its claims, and 404 for unknown ids", async () => {
    const source = await prisma.source.findFirstOrThrow({ where: { claims: { some: {} } } });
    const response = await call(getSourceRoute, `/api/sources/${source.id}`, String(source.id));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: source.id, slug: source.slug, title: source.title });
    expect(body.claims[0]).toMatchObject({
      id: expect.any(Number),
      url: expect.any(String),
      relation: expect.any(String),
    });
    expect(body.claimCount).toBeGreaterThan(0);
    for (const id of ["nope", "0", "424242"]) {
      const missing = await call(getSourceRoute, `/api/sources/${id}`, id);
      expect(missing.status).toBe(404);
    }
  });
});

describe("GET /api/claims?assignee=", () => {
  it("needs a session: signed out, every assignee filter answers no claims", async () => {
    const analyst = await prisma.user.findUniqueOrThrow({ where: { email: "analyst@api.test" } });
    const first = await prisma.claim.findFirstOrThrow({ orderBy: { id: "asc" } });
    await prisma.claim.update({ where: { id: first.id }, data: { assigneeId: analyst.id } });
    try {
      for (const assignee of [String(analyst.id), "none", "me"]) {
        const signedOut = await list<ClaimItem>(listClaimsRoute, `/api/claims?assignee=${assignee}`);
        expect({ assignee, total: signedOut.total, data: signedOut.data }).toEqual({
          assignee,
          total: 0,
          data: [],
        });
      }
      const signedIn = async (assignee: string) => {
        const response = await call(listClaimsRoute, `/api/claims?assignee=${assignee}`, "", cookies.ANALYST);
        return ((await response.json()) as Page<ClaimItem>).data.map((claim) => claim.id);
      };
      expect(await signedIn(String(analyst.id))).toEqual([first.id]);
      expect(await signedIn("me")).toEqual([first.id]);
    } finally {
      await prisma.claim.update({ where: { id: first.id }, data: { assigneeId: null } });
    }
  });
});

describe("GET /api/claims/export", () => {
  const asAnalyst = (handler: typeof exportRoute, path: string) => call(handler, path, "", cookies.ANALYST);

  it("is for analysts and up: 401 signed out, 403 for a viewer or a forged cookie's owner", async () => {
    const signedOut = await call(exportRoute, "/api/claims/export?format=csv");
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: "Sign in to do this." });
    expect((await call(exportHeadRoute, "/api/claims/export?format=csv")).status).toBe(401);

    const viewer = await call(exportRoute, "/api/claims/export?format=csv", "", cookies.VIEWER);
    expect(viewer.status).toBe(403);

    const forged = `${SESSION_COOKIE}=${await mintSessionToken(1, "someone else's secret")}`;
    expect((await call(exportRoute, "/api/claims/export?format=csv", "", forged)).status).toBe(401);
  });

  it("says who may export before it says which formats there are", async () => {
    for (const handler of [exportRoute, exportHeadRoute]) {
      expect((await call(handler, "/api/claims/export?format=xlsx")).status).toBe(401);
      expect((await call(handler, "/api/claims/export?format=xlsx", "", cookies.VIEWER)).status).toBe(403);
      expect((await asAnalyst(handler, "/api/claims/export?format=xlsx")).status).toBe(400);
    }
  });

  it("streams a CSV attachment with the documented headers", async () => {
    const response = await asAnalyst(exportRoute, "/api/claims/export?format=csv&sector=hardware-chips");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="claimdesk-claims-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    // Response.text() would drop the byte-order mark this checks for.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith(`\uFEFF${EXPORT_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(text.split("\r\n").length).toBeGreaterThan(2);
  });

  it("streams JSON, defaults to CSV, answers HEAD without a cursor, and refuses other formats with 400 JSON", async () => {
    const json = await asAnalyst(exportRoute, "/api/claims/export?format=json&entity=huawei");
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("content-disposition")).toMatch(/\.json"$/);
    const rows = (await json.json()) as { id: number }[];
    expect(rows.map((row) => row.id)).toEqual(await claimIds({ entity: "huawei", size: "100" }));

    const plain = await asAnalyst(exportRoute, "/api/claims/export");
    expect(plain.headers.get("content-type")).toMatch(/^text\/csv/);
    await plain.body?.cancel();

    const head = await asAnalyst(exportHeadRoute, "/api/claims/export?format=json");
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers.get("content-disposition")).toMatch(/\.json"$/);

    const refused = await asAnalyst(exportRoute, "/api/claims/export?format=xlsx");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "format must be csv or json" });
  });
});

describe("absolute links", () => {
  const PUBLIC = "https://claims.example.org";
  const LISTENING = "http://localhost:3000";

  /** As Next.js hands a route handler its request: the URL of the port it listens on, not the public one. */
  async function get(
    handler: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>,
    path: string,
    id = "",
    cookie?: string,
  ) {
    const request = new Request(LISTENING + path, { headers: cookie ? { cookie } : {} });
    const response = await handler(request, { params: Promise.resolve({ id }) });
    expect(response.status).toBe(200);
    return response.json();
  }

  it("name the public URL (NEXTAUTH_URL), never the address Next.js listens on", async () => {
    const before = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = `${PUBLIC}/`;
    try {
      const claims = (await get(listClaimsRoute, "/api/claims?size=10")) as Page<ClaimItem>;
      const claimId = claims.data[0]!.id;
      expect(claims.data.map((claim) => claim.url)).toEqual(
        claims.data.map((claim) => `${PUBLIC}/claims/${claim.id}`),
      );
      expect((await get(getClaimRoute, `/api/claims/${claimId}`, String(claimId))).url).toBe(
        `${PUBLIC}/claims/${claimId}`,
      );

      const huawei = await prisma.entity.findUniqueOrThrow({ where: { slug: "huawei" } });
      expect((await get(getEntityRoute, `/api/entities/${huawei.id}`, String(huawei.id))).claimsUrl).toBe(
        `${PUBLIC}/api/claims?entity=huawei`,
      );

      const source = await prisma.source.findFirstOrThrow({ where: { claims: { some: {} } } });
      const { claims: linked } = (await get(
        getSourceRoute,
        `/api/sources/${source.id}`,
        String(source.id),
      )) as {
        claims: { id: number; url: string }[];
      };
      expect(linked.map((claim) => claim.url)).toEqual(linked.map((claim) => `${PUBLIC}/claims/${claim.id}`));

      // Over https, next-auth names its session cookie with the __Secure- prefix.
      const secureCookie = `__Secure-${cookies.ANALYST}`;
      const rows = (await get(exportRoute, "/api/claims/export?format=json&size=10", "", secureCookie)) as {
        id: number;
        url: string;
      }[];
      expect(rows.map((row) => row.url)).toEqual(rows.map((row) => `${PUBLIC}/claims/${row.id}`));
    } finally {
      if (before === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = before;
    }
  });
});
