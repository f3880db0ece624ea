// The claims table's whole filtered view as a CSV or JSON download. Rows come from a server-side cursor, one batch
// each time the consumer reads, so memory stays flat whether ten claims match or a million.
import "server-only";
import { setImmediate as yieldToIo } from "node:timers/promises";
import pg from "pg";
import { type Actor, requirePermission } from "@/lib/auth/permissions";
import { getServerEnv } from "@/lib/env";
import { createPool } from "@/lib/prisma-client";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { ClaimKind, ReviewStatus, Verdict } from "@/lib/generated/prisma/enums.ts";
import {
  type ResolvedClaimsQuery,
  type ResolvedNames,
  claimsWhereSql,
  orderBySql,
  resolveNamesSql,
  toResolvedQuery,
} from "@/lib/queries/claims-sql";
import type { ClaimsQuery } from "@/lib/validations/claims";
import { UTF8_BOM, csvRecord, neutraliseFormula } from "./csv";

const { sql, raw } = Prisma;

export const EXPORT_FORMATS = ["csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One exported claim. The keys are the CSV header and the JSON keys, in this order; README documents them. */
export interface ClaimExportRow {
  id: number;
  /** Absolute link to the claim's page. */
  url: string;
  text: string;
  kind: ClaimKind;
  status: ReviewStatus;
  verdict: Verdict | null;
  citation_missing: boolean;
  /** The date the claim speaks of, as precise as the text: "2025", "2025-03" or "2025-03-14". */
  as_of: string | null;
  document_id: number;
  document_title: string;
  section: string;
  /** Sector slugs in display order. */
  sectors: string[];
  subject_entities: string[];
  mentioned_entities: string[];
  /** Titles of the distinct sources linked to the claim, whatever the relation. */
  sources: string[];
  /** The number of entries in `sources`. */
  source_count: number;
  /** "<value> <unit> (<qualifier>): <measure>", the qualifier left out when exact. */
  quantities: string[];
  /** Code-point offsets into the document's text. */
  start_offset: number;
  end_offset: number;
  /** ISO 8601 in UTC, to the millisecond. */
  updated_at: string;
}

export const EXPORT_COLUMNS = [
  "id",
  "url",
  "text",
  "kind",
  "status",
  "verdict",
  "citation_missing",
  "as_of",
  "document_id",
  "document_title",
  "section",
  "sectors",
  "subject_entities",
  "mentioned_entities",
  "sources",
  "source_count",
  "quantities",
  "start_offset",
  "end_offset",
  "updated_at",
] as const satisfies readonly (keyof ClaimExportRow)[];

/** Rows per FETCH: large enough that round trips do not dominate, small enough to keep a batch in memory. */
export const EXPORT_BATCH_SIZE = 1000;
/**
 * A consumer that stops reading without hanging up would hold the cursor's transaction open indefinitely; the
 * embedded database serves one session at a time, so that would freeze the whole app.
 */
export const EXPORT_STALL_TIMEOUT_MS = 60_000;
/** Each running export holds a connection for its whole download; more wait, so pages keep their own pool. */
const EXPORT_CONNECTIONS = 4;
const CURSOR = "claims_export";
/**
 * Rows encoded between two turns of the event loop; see pull(). Of 100, 25, 10 and 4, ten let the database and Node
 * overlap best (docs/measurements.md).
 */
const ENCODE_SLICE = 10;

/** A row as the cursor returns it: sectors and entities as ids, which Catalog turns into names in their order. */
type CursorRow = Omit<
  ClaimExportRow,
  "url" | "source_count" | "sectors" | "subject_entities" | "mentioned_entities"
> & { sectors: number[]; subject_entities: number[]; mentioned_entities: number[] };

/**
 * Every export column of the claims matching `query`, in table order. The builder's WHERE and ORDER BY apply to the
 * claims themselves, so the planner walks them in table order (an index or a sort of the narrow claim rows) and each
 * row then reads its own links: entities by the link table's primary key, sources and quantities only when the
 * claim's counts say it has any. Rows thus leave the database as they are made: the first FETCH does not wait for the
 * last row, and the Node side can encode one batch while the database makes the next. (Ranking the ids first in a CTE
 * and ordering by its position made PostgreSQL build and sort every wide row, spilling to disk, before the first
 * FETCH returned.)
 * Sectors and entities leave as ids, named and ordered by Catalog: looking up and sorting the names for each claim
 * took the database most of the time it spent on an export (docs/measurements.md).
 * Lists come as JSON, which JSON.parse reads several times faster than pg's parser of array literals.
 * Dates are formatted here so that no server or client time zone can shift them; `as_of` as lib/format.ts's asOfIso
 * writes it (claims-export.test.ts holds them equal).
 */
export function claimsExportSql(query: ResolvedClaimsQuery): Prisma.Sql {
  return sql`SELECT c."id", c."text", c."kind"::text AS "kind", c."status"::text AS "status",
      c."verdict"::text AS "verdict", c."citationMissing" AS "citation_missing",
      CASE c."asOfPrecision"
        WHEN 'YEAR' THEN to_char(c."asOfDate", 'YYYY')
        WHEN 'MONTH' THEN to_char(c."asOfDate", 'YYYY-MM')
        ELSE to_char(c."asOfDate", 'YYYY-MM-DD')
      END AS "as_of",
      doc."id" AS "document_id", doc."title" AS "document_title", sect."heading" AS "section",
      to_json(c."sectorIds") AS "sectors",
      to_json(COALESCE(entities."subjects", '{}')) AS "subject_entities",
      to_json(COALESCE(entities."mentioned", '{}')) AS "mentioned_entities",
      to_json(CASE WHEN c."sourceCount" = 0 THEN '{}' ELSE ARRAY(
        SELECT so."title" FROM "Source" so
        WHERE so."id" IN (SELECT cl."sourceId" FROM "ClaimSource" cl WHERE cl."claimId" = c."id")
        ORDER BY lower(so."title"), so."id") END) AS "sources",
      to_json(CASE WHEN c."quantityCount" = 0 THEN '{}' ELSE ARRAY(
        SELECT qt."value"::text || ' ' || qt."unit"
          || CASE WHEN qt."qualifier" = 'exact' THEN '' ELSE ' (' || qt."qualifier" || ')' END
          || ': ' || qt."measure"
        FROM "Quantity" qt WHERE qt."claimId" = c."id" ORDER BY qt."id") END) AS "quantities",
      c."startOffset" AS "start_offset", c."endOffset" AS "end_offset",
      to_char(c."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at"
    FROM "Claim" c
    JOIN "Document" doc ON doc."id" = c."documentId"
    JOIN "Section" sect ON sect."id" = c."sectionId"
    CROSS JOIN LATERAL (SELECT
        array_agg(ce."entityId") FILTER (WHERE ce."role" = 'SUBJECT') AS "subjects",
        array_agg(ce."entityId") FILTER (WHERE ce."role" = 'MENTIONED') AS "mentioned"
      FROM "ClaimEntity" ce WHERE ce."claimId" = c."id") entities
    ${claimsWhereSql(query)}
    ${orderBySql(query)}`;
}

/**
 * The names of sectors and entities, each with its place in the export's order: sectors in display order, entities
 * A to Z (case and accents aside, the same in every database's collation), ties by id. Read in the cursor's snapshot;
 * it holds every sector and entity, a catalog of thousands rather than the claims' hundreds of thousands.
 */
interface Catalog {
  sectors: Map<number, { slug: string; rank: number }>;
  entities: Map<number, { name: string; rank: number }>;
}

const NAME_ORDER = new Intl.Collator("en", { sensitivity: "base", numeric: true });

async function readCatalog(
  run: <R extends pg.QueryResultRow>(text: string) => Promise<pg.QueryResult<R>>,
): Promise<Catalog> {
  const sectors = (
    await run<{ id: number; slug: string }>(`SELECT "id", "slug" FROM "Sector" ORDER BY "position", "slug"`)
  ).rows;
  const entities = (await run<{ id: number; name: string }>(`SELECT "id", "name" FROM "Entity"`)).rows;
  entities.sort((a, b) => NAME_ORDER.compare(a.name, b.name) || a.id - b.id);
  return {
    sectors: new Map(sectors.map((sector, rank) => [sector.id, { slug: sector.slug, rank }])),
    entities: new Map(entities.map((entity, rank) => [entity.id, { name: entity.name, rank }])),
  };
}

/** The names of `ids` in the catalog's order. */
function namesOf<T extends { rank: number }>(
  ids: number[],
  names: Map<number, T>,
  name: (entry: T) => string,
) {
  return ids
    .map((id) => names.get(id)!)
    .sort((a, b) => a.rank - b.rank)
    .map(name);
}

export function parseExportFormat(value: string | null): ExportFormat | null {
  const format = (value ?? "csv").toLowerCase();
  return EXPORT_FORMATS.find((allowed) => allowed === format) ?? null;
}

export function exportContentType(format: ExportFormat): string {
  return format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8";
}

/** "claimdesk-claims-2026-11-28.csv", dated in UTC so the name does not depend on the server's zone. */
export function exportFileName(format: ExportFormat, now: Date): string {
  return `claimdesk-claims-${now.toISOString().slice(0, 10)}.${format}`;
}

function csvValue(value: ClaimExportRow[keyof ClaimExportRow]): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return neutraliseFormula(Array.isArray(value) ? value.join("; ") : value);
}

/** The CSV fields of a row, in column order; exported so tests can hold the CSV against the JSON. */
export function csvFields(row: ClaimExportRow): string[] {
  return EXPORT_COLUMNS.map((column) => csvValue(row[column]));
}

interface Encoding {
  /** Text before the first row, sent even when nothing matches. */
  start: string;
  row(row: ClaimExportRow, index: number): string;
  end(rowCount: number): string;
}

const ENCODINGS: Record<ExportFormat, Encoding> = {
  csv: {
    start: UTF8_BOM + csvRecord(EXPORT_COLUMNS),
    row: (row) => csvRecord(csvFields(row)),
    end: () => "",
  },
  // One object per line keeps the file readable and diffable; the array stays valid JSON.
  json: {
    start: "[",
    row: (row, index) => (index === 0 ? "\n" : ",\n") + JSON.stringify(row),
    end: (rowCount) => (rowCount ? "\n]\n" : "]\n"),
  },
};

/**
 * The UTF-8 of `pieces`, one after another, in one buffer. Written piece by piece: concatenating a batch's rows into
 * one string and encoding that spent most of the time flattening the string (docs/measurements.md).
 */
function utf8(pieces: readonly string[]): Uint8Array {
  let size = 0;
  for (const piece of pieces) size += Buffer.byteLength(piece);
  const bytes = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const piece of pieces) offset += bytes.write(piece, offset);
  return bytes;
}

function toExportRow(row: CursorRow, origin: string, catalog: Catalog): ClaimExportRow {
  return {
    id: row.id,
    url: `${origin}/claims/${row.id}`,
    text: row.text,
    kind: row.kind,
    status: row.status,
    verdict: row.verdict,
    citation_missing: row.citation_missing,
    as_of: row.as_of,
    document_id: row.document_id,
    document_title: row.document_title,
    section: row.section,
    sectors: namesOf(row.sectors, catalog.sectors, (sector) => sector.slug),
    subject_entities: namesOf(row.subject_entities, catalog.entities, (entity) => entity.name),
    mentioned_entities: namesOf(row.mentioned_entities, catalog.entities, (entity) => entity.name),
    sources: row.sources,
    source_count: row.sources.length,
    quantities: row.quantities,
    start_offset: row.start_offset,
    end_offset: row.end_offset,
    updated_at: row.updated_at,
  };
}

const globalForExport = globalThis as typeof globalThis & { claimdeskExportPool?: pg.Pool };

/** Kept on globalThis like lib/db.ts's client, so dev hot reload does not open a new pool per edit. */
export function getExportPool(): pg.Pool {
  if (!globalForExport.claimdeskExportPool) {
    globalForExport.claimdeskExportPool = createPool({
      connectionString: getServerEnv().DATABASE_URL,
      max: EXPORT_CONNECTIONS,
      connectionTimeoutMillis: 30_000,
      application_name: "claimdesk-export",
    });
  }
  return globalForExport.claimdeskExportPool;
}

export interface ClaimsExportOptions {
  /** Who downloads: exports are for analysts and up. */
  actor: Actor | null;
  format: ExportFormat;
  /** Scheme, host and port the app is served from, for each row's `url`. */
  origin: string;
  pool?: pg.Pool;
  batchSize?: number;
  stallTimeoutMs?: number;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Opens the cursor and returns the download as a byte stream. Opening before the response starts lets a broken
 * query or an unreachable database become an error status instead of a truncated 200. The stream pulls: each read
 * of the consumer takes one batch and asks for the next, so the database makes a batch while Node encodes and sends
 * the previous one, yet never runs more than one batch ahead of the reader: a slow client still slows the database
 * reads instead of filling memory. Whatever ends it (last batch, cancel, error, stall), the transaction ends and the
 * connection goes back exactly once.
 */
export async function openClaimsExport(
  query: ClaimsQuery,
  options: ClaimsExportOptions,
): Promise<ReadableStream<Uint8Array>> {
  requirePermission(options.actor, "claims.export");
  const {
    format,
    origin,
    pool = getExportPool(),
    batchSize = EXPORT_BATCH_SIZE,
    stallTimeoutMs = EXPORT_STALL_TIMEOUT_MS,
  } = options;
  const encoding = ENCODINGS[format];
  const client = await pool.connect();

  let open = true;
  let cancelled = false;
  let rowCount = 0;
  let stallTimer: NodeJS.Timeout | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;
  let nextBatch: Promise<CursorRow[]> | undefined;
  let catalog: Catalog;

  // A cancel arrives while the batch fetched ahead is still running: the pool's clients run queries in turn
  // (lib/prisma-client.ts), so the ROLLBACK waits for it.
  const run = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
    client.query<R>(text, values);

  const finish = async (outcome: "COMMIT" | "ROLLBACK") => {
    if (!open) return;
    open = false;
    clearTimeout(stallTimer);
    client.off("error", fail);
    try {
      await run(outcome === "COMMIT" ? `CLOSE ${CURSOR}; COMMIT` : "ROLLBACK");
      client.release();
    } catch (error) {
      // A connection that could not end its transaction must not serve another request.
      client.release(asError(error));
    }
  };

  function fail(error: unknown) {
    const wasOpen = open;
    void finish("ROLLBACK");
    if (wasOpen && !cancelled) controllerRef?.error(asError(error));
  }

  const fetchBatch = () => {
    const batch = run<CursorRow>(`FETCH ${batchSize} FROM ${CURSOR}`).then((result) => result.rows);
    // A batch fetched ahead may fail while nobody waits for it; the stream then ends at once with the error.
    batch.catch(fail);
    return batch;
  };

  const armStallTimer = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(
      () => fail(new Error(`export stalled: no read for ${stallTimeoutMs} ms`)),
      stallTimeoutMs,
    );
    // The timer guards a connection; it must not keep a finished process alive.
    stallTimer.unref();
  };

  // While checked out, a connection the server drops emits "error" on the client, which nobody else listens to.
  client.on("error", fail);
  try {
    // One snapshot for the catalog, the query's names and the cursor, so every id the cursor returns has its name;
    // so the query is resolved here rather than by resolveClaimsQuery, on the pool outside the snapshot.
    await run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    catalog = await readCatalog(run);
    const resolve = resolveNamesSql(query);
    const [names] = (await run<ResolvedNames>(resolve.text, resolve.values)).rows;
    const declare = sql`DECLARE ${raw(CURSOR)} NO SCROLL CURSOR FOR ${claimsExportSql(toResolvedQuery(query, names!))}`;
    await run(declare.text, declare.values);
  } catch (error) {
    await finish("ROLLBACK");
    throw error;
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        armStallTimer();
      },
      async pull(controller) {
        clearTimeout(stallTimer);
        if (!open) return;
        let rows: CursorRow[];
        try {
          rows = await (nextBatch ?? fetchBatch());
        } catch {
          return; // fail() has ended the stream already
        }
        nextBatch = undefined;
        // A cancel or a lost connection while the FETCH ran has already ended everything.
        if (!open) return;
        const last = rows.length < batchSize;
        if (!last) nextBatch = fetchBatch();
        const pieces = rowCount === 0 ? [encoding.start] : [];
        for (let start = 0; start < rows.length; start += ENCODE_SLICE) {
          // Between slices the event loop reads the next batch off the socket as it arrives, so the database goes on
          // making it instead of waiting for Node to finish this batch and drain a full socket buffer.
          if (start > 0) await yieldToIo();
          for (const row of rows.slice(start, start + ENCODE_SLICE)) {
            pieces.push(encoding.row(toExportRow(row, origin, catalog), rowCount++));
          }
        }
        if (!open && !last) return;
        if (last) {
          pieces.push(encoding.end(rowCount));
          await finish("COMMIT");
        }
        if (cancelled) return;
        const bytes = utf8(pieces);
        if (bytes.length > 0) controller.enqueue(bytes);
        if (last) controller.close();
        else armStallTimer();
      },
      async cancel() {
        cancelled = true;
        await finish("ROLLBACK");
      },
    },
    // Nothing is read ahead of the consumer beyond the one batch being fetched.
    { highWaterMark: 0 },
  );
}
