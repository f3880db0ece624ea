import pg from "pg";
import { AuthorizationError, type Actor } from "@/lib/auth/permissions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getClaims, type ClaimRow } from "@/lib/data/claims";
import {
  EXPORT_COLUMNS,
  csvFields,
  openClaimsExport,
  type ClaimExportRow,
  type ClaimsExportOptions,
} from "@/lib/export/claims-export";
import { asOfIso } from "@/lib/format";
import { createPool, type Prisma } from "@/lib/prisma-client";
import { parseClaimsQuery } from "@/lib/validations/claims";
import { testDatabaseUrl } from "@/tests/helpers/db";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

const ORIGIN = "http://claimdesk.test";
// The export authorises by role alone; no account row is needed for that check.
const ANALYST: Actor = { id: 1, email: "analyst@example.org", name: "Analyst", role: "ANALYST" };
const TRICKY_TEXT = 'Huawei said, "we ship 910C chips, ""soon""",\nthen\r\nrepeated it.';
const FORMULA_TEXT = '=HYPERLINK("http://evil.example","open me")';
const CHINESE_NAME = "China (中国)";

let prisma: Prisma;
/** One connection, so a connection the export failed to give back would make the next query wait forever. */
let pool: pg.Pool;
let trickyId: number;
let formulaId: number;

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  pool = createPool({ connectionString: testDatabaseUrl(), max: 1 });
  const [first, second] = (await getClaims(parseClaimsQuery({ size: "10" }), prisma)).rows;
  if (!first || !second) throw new Error("the seed has no claims");
  trickyId = first.id;
  formulaId = second.id;
  await prisma.claim.update({ where: { id: trickyId }, data: { text: TRICKY_TEXT } });
  await prisma.claim.update({ where: { id: formulaId }, data: { text: FORMULA_TEXT } });
  await prisma.entity.update({ where: { slug: "china" }, data: { name: CHINESE_NAME } });
});

afterAll(async () => {
  await pool?.end();
  await prisma?.$disconnect();
});

/** RFC 4180, strictly: every record ends in CRLF, and a line break outside quotes is an error. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && field === "") {
      const close = () => {
        for (let j = i + 1; j < text.length; j++) {
          if (text[j] !== '"') continue;
          if (text[j + 1] === '"') j++;
          else return j;
        }
        throw new Error(`unterminated quoted field at ${i}`);
      };
      const end = close();
      field = text.slice(i + 1, end).replaceAll('""', '"');
      i = end + 1;
      if (![",", "\r"].includes(text[i] ?? "")) throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (char === ",") {
      record.push(field);
      field = "";
      i++;
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else if (char === "\r" || char === "\n") {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += char;
      i++;
    }
  }
  if (field || record.length) throw new Error("the last record does not end in CRLF");
  return records;
}

async function exportBytes(params: Record<string, string>, options: Partial<ClaimsExportOptions> = {}) {
  const stream = await openClaimsExport(parseClaimsQuery(params), {
    actor: ANALYST,
    format: "csv",
    origin: ORIGIN,
    pool,
    ...options,
  });
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function exportCsv(params: Record<string, string>, options: Partial<ClaimsExportOptions> = {}) {
  const bytes = await exportBytes(params, { ...options, format: "csv" });
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // ignoreBOM keeps the mark in the string, to check it stands exactly once, at the start.
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual(EXPORT_COLUMNS);
  return rows;
}

async function exportJson(params: Record<string, string>): Promise<ClaimExportRow[]> {
  const bytes = await exportBytes(params, { format: "json" });
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as ClaimExportRow[];
}

/** Every page of the table for the same URL, the way a reader would click through it. */
async function allTableRows(params: Record<string, string>): Promise<ClaimRow[]> {
  const rows: ClaimRow[] = [];
  for (let page = 1; ; page++) {
    const result = await getClaims(parseClaimsQuery({ ...params, size: "10", page: String(page) }), prisma);
    rows.push(...result.rows);
    if (page >= result.pageCount) return rows;
  }
}

const column = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
const field = (record: string[], name: (typeof EXPORT_COLUMNS)[number]) => record[column(name)] ?? "";
const list = (value: string) => (value ? value.split("; ") : []);
const unformula = (value: string) => (value.startsWith("'") ? value.slice(1) : value);
/** The README's "A to Z": case and accents aside. */
const byName = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base", numeric: true });

describe("claims export", () => {
  it.each([
    ["no filter", {}, "every claim"],
    ["a sector", { sector: "hardware-chips" }, "some"],
    ["a search", { q: "Huawei" }, "some"],
    ["a misspelt search", { q: "Hauwei" }, "some"],
    ["an entity, sorted by kind", { entity: "huawei", sort: "kind", dir: "desc" }, "some"],
    [
      "malformed values falling back like the table",
      { sector: "Hardware Chips!", kind: "nonsense", page: "-3" },
      "every claim",
    ],
  ] as const)("writes exactly the table's rows in its order: %s", async (_, params, expected) => {
    const table = await allTableRows(params);
    const records = await exportCsv(params);
    if (expected === "every claim") expect(records).toHaveLength(await prisma.claim.count());
    expect(records.length).toBeGreaterThan(0);
    expect(records.map((r) => Number(field(r, "id")))).toEqual(table.map((row) => row.id));
    records.forEach((record, index) => {
      const row = table[index]!;
      expect(field(record, "url")).toBe(`${ORIGIN}/claims/${row.id}`);
      expect(unformula(field(record, "text"))).toBe(row.text);
      expect(field(record, "kind")).toBe(row.kind);
      expect(field(record, "status")).toBe(row.status);
      expect(field(record, "verdict")).toBe(row.verdict ?? "");
      expect(field(record, "citation_missing")).toBe(String(row.citationMissing));
      expect(field(record, "document_id")).toBe(String(row.document.id));
      expect(field(record, "document_title")).toBe(row.document.title);
      expect(field(record, "section")).toBe(row.section.heading);
      expect(list(field(record, "sectors"))).toEqual(row.sectors.map((s) => s.slug));
      const names = (role: string) =>
        row.entities
          .filter((e) => e.role === role)
          .map((e) => e.name)
          .sort(byName);
      expect(list(field(record, "subject_entities"))).toEqual(names("SUBJECT"));
      expect(list(field(record, "mentioned_entities"))).toEqual(names("MENTIONED"));
      expect(field(record, "source_count")).toBe(String(row.sourceCount));
      expect(list(field(record, "sources"))).toHaveLength(row.sourceCount);
      expect(list(field(record, "quantities"))).toHaveLength(row.quantityCount);
    });
  });

  it("keeps the claim's offsets, an as-of date as precise as the text and a UTC timestamp", async () => {
    const records = await exportCsv({});
    const claims = await prisma.claim.findMany({ orderBy: { id: "asc" } });
    const byId = new Map(records.map((record) => [Number(field(record, "id")), record]));
    for (const claim of claims) {
      const record = byId.get(claim.id)!;
      expect(field(record, "start_offset")).toBe(String(claim.startOffset));
      expect(field(record, "end_offset")).toBe(String(claim.endOffset));
      expect(field(record, "updated_at")).toBe(claim.updatedAt.toISOString());
      // The export's SQL writes the date as the app's one formatter does.
      const asOf = claim.asOfDate
        ? asOfIso({ date: claim.asOfDate, precision: claim.asOfPrecision ?? "DAY" })
        : "";
      expect(field(record, "as_of")).toBe(asOf);
    }
    expect(records.some((record) => /^\d{4}$/.test(field(record, "as_of")))).toBe(true);
  });

  it("writes quantities with their unit, qualifier and measure", async () => {
    const quantities = (await exportCsv({ has_quantities: "yes" })).flatMap((r) =>
      list(field(r, "quantities")),
    );
    expect(quantities).toContain(
      "8000000000 USD (over): state-backed AI funds directed toward LLM start-ups",
    );
    expect(quantities.some((q) => /^1000000000000 parameters: /.test(q))).toBe(true);
  });

  it("round-trips a text with commas, quotes and line breaks, and keeps Chinese names", async () => {
    const bytes = await exportBytes({}, { format: "csv" });
    const raw = new TextDecoder().decode(bytes);
    expect(raw).toContain(`"${TRICKY_TEXT.replaceAll('"', '""')}"`);
    const records = await exportCsv({});
    const tricky = records.find((r) => Number(field(r, "id")) === trickyId)!;
    expect(field(tricky, "text")).toBe(TRICKY_TEXT);
    const names = records.flatMap((r) => [
      ...list(field(r, "subject_entities")),
      ...list(field(r, "mentioned_entities")),
    ]);
    expect(names).toContain(CHINESE_NAME);
    expect(records.map((r) => field(r, "text")).join(" ")).toContain("PanGu-Σ");
  });

  it("makes a formula-looking cell plain text in CSV, and leaves JSON exact", async () => {
    const csv = (await exportCsv({})).find((r) => Number(field(r, "id")) === formulaId)!;
    expect(field(csv, "text")).toBe(`'${FORMULA_TEXT}`);
    const json = (await exportJson({})).find((row) => row.id === formulaId)!;
    expect(json.text).toBe(FORMULA_TEXT);
  });

  it("writes the same content as JSON, with typed values", async () => {
    for (const params of [{}, { sector: "hardware-chips" }, { q: "Huawei" }] as Record<string, string>[]) {
      const json = await exportJson(params);
      expect(json.map(csvFields)).toEqual(await exportCsv(params));
    }
    const [row] = await exportJson({});
    expect(Object.keys(row!)).toEqual(EXPORT_COLUMNS);
    expect(row).toMatchObject({
      id: expect.any(Number),
      citation_missing: expect.any(Boolean),
      document_id: expect.any(Number),
      sectors: expect.any(Array),
      subject_entities: expect.any(Array),
      sources: expect.any(Array),
      source_count: expect.any(Number),
      quantities: expect.any(Array),
      start_offset: expect.any(Number),
    });
    expect(row!.verdict).toBeNull();
  });

  it("writes only the header, or an empty array, when nothing matches", async () => {
    expect(await exportCsv({ q: "zzzqqqxxy" })).toEqual([]);
    expect(await exportJson({ q: "zzzqqqxxy" })).toEqual([]);
  });

  it("writes the same bytes whatever the batch size, one batch per read", async () => {
    const whole = await exportBytes({});
    expect(await exportBytes({}, { batchSize: 5 })).toEqual(whole);
    // One batch that holds every claim exactly.
    expect(await exportBytes({}, { batchSize: await prisma.claim.count() })).toEqual(whole);

    const stream = await openClaimsExport(parseClaimsQuery({}), {
      actor: ANALYST,
      format: "csv",
      origin: ORIGIN,
      pool,
      batchSize: 5,
    });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(parseCsv(new TextDecoder().decode(first.value).slice(1))).toHaveLength(1 + 5);
    await reader.cancel();
  });

  it("refuses people signed out and viewers before opening a cursor", async () => {
    const viewer: Actor = { ...ANALYST, role: "VIEWER" };
    for (const [actor, reason] of [
      [null, "signed-out"],
      [viewer, "forbidden"],
    ] as const) {
      await expect(
        openClaimsExport(parseClaimsQuery({}), { actor, format: "csv", origin: ORIGIN, pool }),
      ).rejects.toEqual(new AuthorizationError(reason));
    }
    const { rows } = await pool.query<{ cursors: number }>(`SELECT count(*)::int AS cursors FROM pg_cursors`);
    expect(rows).toEqual([{ cursors: 0 }]);
  });
});

describe("claims export connection", () => {
  /** The pool's one connection answers, outside any transaction, so nothing of the export's cursor remains. */
  async function expectConnectionBack() {
    const answer = pool.query<{ cursors: number; inTransaction: boolean }>(
      `SELECT (SELECT count(*)::int FROM pg_cursors) AS cursors, now() <> statement_timestamp() AS "inTransaction"`,
    );
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("the export kept its connection")), 5_000),
    );
    const { rows } = await Promise.race([answer, timeout]);
    expect(rows[0]).toEqual({ cursors: 0, inTransaction: false });
    // On the embedded server an unfinished transaction would also hold up every other client.
    expect((await getClaims(parseClaimsQuery({}), prisma)).total).toBe(await prisma.claim.count());
  }

  it("gives the connection back when the reader cancels midway", async () => {
    const stream = await openClaimsExport(parseClaimsQuery({ q: "Huawei" }), {
      actor: ANALYST,
      format: "json",
      origin: ORIGIN,
      pool,
      batchSize: 2,
    });
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    await expectConnectionBack();
  });

  it("waits for the running FETCH before rolling back when the reader cancels during a read", async () => {
    // pg would queue the ROLLBACK behind the FETCH itself, but that is deprecated and goes away in pg 9: watch what
    // reaches pg's own query.
    let running = 0;
    let overlapped = false;
    const pgQuery = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const result = (pgQuery as (...forwarded: unknown[]) => unknown).apply(this, args);
      if (!(result instanceof Promise)) return result;
      overlapped ||= running > 0;
      running++;
      return result.finally(() => running--);
    } as typeof pgQuery;
    try {
      const stream = await openClaimsExport(parseClaimsQuery({}), {
        actor: ANALYST,
        format: "csv",
        origin: ORIGIN,
        pool,
        batchSize: 5,
      });
      const reader = stream.getReader();
      const read = reader.read();
      await reader.cancel();
      await read;
    } finally {
      pg.Client.prototype.query = pgQuery;
    }
    expect(running).toBe(0);
    expect(overlapped).toBe(false);
    await expectConnectionBack();
  });

  it("gives the connection back when cancelled before the first read", async () => {
    const stream = await openClaimsExport(parseClaimsQuery({}), {
      actor: ANALYST,
      format: "csv",
      origin: ORIGIN,
      pool,
    });
    await stream.cancel();
    await expectConnectionBack();
  });

  it("gives the connection back after the last batch", async () => {
    await exportBytes({ sector: "hardware-chips" }, { batchSize: 3 });
    await expectConnectionBack();
  });

  it("ends a download nobody reads, with an error, and gives the connection back", async () => {
    const stream = await openClaimsExport(parseClaimsQuery({}), {
      actor: ANALYST,
      format: "csv",
      origin: ORIGIN,
      pool,
      stallTimeoutMs: 200,
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(stream.getReader().read()).rejects.toThrow(/stalled/);
    await expectConnectionBack();
  });
});
