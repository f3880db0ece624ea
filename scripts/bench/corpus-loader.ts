// Writes a synthetic corpus into the database through node-postgres. Each batch is one
// INSERT ... SELECT FROM unnest($1::int4[], $2::text[], ...): one parameter per column rather than per value, so
// 10,000 rows travel in one round trip and the 65,535-parameter limit never applies. Prisma's createMany would
// take minutes for the same rows.

import { createHash } from "node:crypto";
import type pg from "pg";
import type { SyntheticCorpus } from "./synthetic-corpus";

type Columns<Row> = [keyof Row & string, string][];
type TableColumns = { [Table in keyof SyntheticCorpus]: Columns<SyntheticCorpus[Table][number]> };

/** Column names and array types per table; row fields are named after the columns. Order is foreign-key order. */
const TABLE_COLUMNS: TableColumns = {
  Sector: [
    ["id", "int4"],
    ["slug", "text"],
    ["name", "text"],
    ["description", "text"],
    ["position", "int4"],
  ],
  Entity: [
    ["id", "int4"],
    ["slug", "text"],
    ["name", "text"],
    ["kind", `"EntityKind"`],
    ["country", "text"],
    ["description", "text"],
    ["parentId", "int4"],
  ],
  EntityAlias: [
    ["id", "int4"],
    ["entityId", "int4"],
    ["alias", "text"],
    ["language", "text"],
  ],
  Source: [
    ["id", "int4"],
    ["slug", "text"],
    ["title", "text"],
    ["publisher", "text"],
    ["url", "text"],
    ["kind", `"SourceKind"`],
    ["publishedAt", "date"],
    ["reliability", `"SourceReliability"`],
    ["notes", "text"],
  ],
  Document: [
    ["id", "int4"],
    ["slug", "text"],
    ["title", "text"],
    ["publisher", "text"],
    ["url", "text"],
    ["publishedAt", "date"],
    ["importedAt", "timestamp"],
    ["fullText", "text"],
    ["contentHash", "text"],
  ],
  Section: [
    ["id", "int4"],
    ["documentId", "int4"],
    ["order", "int4"],
    ["heading", "text"],
    ["level", "int4"],
    ["startOffset", "int4"],
    ["endOffset", "int4"],
  ],
  Claim: [
    ["id", "int4"],
    ["documentId", "int4"],
    ["sectionId", "int4"],
    ["text", "text"],
    ["startOffset", "int4"],
    ["endOffset", "int4"],
    ["kind", `"ClaimKind"`],
    ["citationMissing", "bool"],
    ["status", `"ReviewStatus"`],
    ["verdict", `"Verdict"`],
    ["asOfDate", "date"],
    ["asOfPrecision", `"DatePrecision"`],
    ["version", "int4"],
    ["createdAt", "timestamp"],
    ["updatedAt", "timestamp"],
  ],
  ClaimSector: [
    ["claimId", "int4"],
    ["sectorId", "int4"],
  ],
  ClaimEntity: [
    ["claimId", "int4"],
    ["entityId", "int4"],
    ["role", `"EntityRole"`],
  ],
  EntityMention: [
    ["id", "int4"],
    ["claimId", "int4"],
    ["entityId", "int4"],
    ["startOffset", "int4"],
    ["endOffset", "int4"],
    ["surface", "text"],
  ],
  ClaimSource: [
    ["claimId", "int4"],
    ["sourceId", "int4"],
    ["relation", `"SourceRelation"`],
  ],
  Quantity: [
    ["id", "int4"],
    ["claimId", "int4"],
    ["value", "float8"],
    ["unit", "text"],
    ["measure", "text"],
    ["surface", "text"],
    ["qualifier", "text"],
  ],
};

const BATCH_ROWS = 10_000;

function tables(): (keyof SyntheticCorpus)[] {
  return Object.keys(TABLE_COLUMNS) as (keyof SyntheticCorpus)[];
}

/**
 * Inserts every row with the generator's ids, then moves each id sequence past them so that rows the app creates
 * later (annotations in a manual test) do not collide. Runs in the caller's transaction.
 */
export async function insertCorpus(
  client: pg.ClientBase,
  corpus: SyntheticCorpus,
  log: (line: string) => void,
): Promise<void> {
  for (const table of tables()) {
    const started = performance.now();
    const rows: object[] = corpus[table];
    const columns = TABLE_COLUMNS[table] as [string, string][];
    const names = columns.map(([name]) => `"${name}"`).join(", ");
    const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
    const statement = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`;
    for (let offset = 0; offset < rows.length; offset += BATCH_ROWS) {
      const batch = rows.slice(offset, offset + BATCH_ROWS) as Record<string, unknown>[];
      await client.query(
        statement,
        columns.map(([name]) => batch.map((row) => row[name] ?? null)),
      );
    }
    if (columns.some(([name]) => name === "id")) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT max("id") FROM "${table}"), 1))`,
      );
    }
    log(
      `${table}: ${rows.length.toLocaleString("en-US")} rows in ${Math.round(performance.now() - started)} ms`,
    );
  }
}

/** SHA-256 over every row of every table: any change to the generator, its options or the catalog changes it. */
export function corpusDigest(corpus: SyntheticCorpus): string {
  const hash = createHash("sha256");
  for (const table of tables()) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of corpus[table]) hash.update(JSON.stringify(row));
  }
  return hash.digest("hex");
}
