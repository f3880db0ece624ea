// EXPLAIN (ANALYZE, BUFFERS) of the claims statements, reduced to what a reviewer needs: which indexes each one
// uses, and whether it reads a large table from end to end.

import type pg from "pg";
import type { LabelledStatement } from "./claims-statements";

/** Below this many rows a sequential scan is the right plan, not a missing index. */
const LARGE_TABLE_ROWS = 10_000;

export interface PlanSummary {
  label: string;
  executionMs: number | null;
  /** Index names used by Index, Index Only and Bitmap Index scans. */
  indexes: string[];
  /** Tables of more than LARGE_TABLE_ROWS rows read by a sequential scan. */
  largeSeqScans: string[];
  /** The plan's scan, join and sort lines, indented as EXPLAIN prints them. */
  keyLines: string[];
}

const SCAN_LINE =
  /(Seq Scan|Index Scan|Index Only Scan|Bitmap Index Scan|Bitmap Heap Scan|Sort|Hash Join|Nested Loop|Merge Join|Limit|Aggregate|Gather)/;

export async function explainStatements(
  client: pg.ClientBase,
  statements: LabelledStatement[],
): Promise<PlanSummary[]> {
  const large = await largeTables(client);
  const summaries: PlanSummary[] = [];
  for (const { label, sql } of statements) {
    const result = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
      sql.values as unknown[],
    );
    const lines = result.rows.map((row) => row["QUERY PLAN"]);
    summaries.push(summarisePlan(label, lines, large));
  }
  return summaries;
}

function summarisePlan(label: string, lines: string[], largeTables: Set<string>): PlanSummary {
  const indexes = new Set<string>();
  const largeSeqScans = new Set<string>();
  for (const line of lines) {
    const index =
      /(?:Index Scan|Index Only Scan)(?: Backward)? using "?([^"\s]+)"?/.exec(line) ??
      /Bitmap Index Scan on "?([^"\s]+)"?/.exec(line);
    if (index) indexes.add(index[1]!);
    const seq = /Seq Scan on "?([^"\s]+)"?/.exec(line);
    if (seq && largeTables.has(seq[1]!)) largeSeqScans.add(seq[1]!);
  }
  const execution = lines.map((line) => /^Execution Time: ([\d.]+) ms/.exec(line)).find(Boolean);
  return {
    label,
    executionMs: execution ? Number(execution[1]) : null,
    indexes: [...indexes],
    largeSeqScans: [...largeSeqScans],
    // Timing and buffer details make the lines long; the node, its relation and its rows are what matter here.
    keyLines: lines
      // Plan nodes only: the root, then every "->" child; their detail lines ("Sort Key: ...") are left out.
      .filter((line) => (/^\S/.test(line) || line.includes("->")) && SCAN_LINE.test(line))
      .map((line) =>
        line.replace(/ \(cost=[^)]*\)/, "").replace(/ \(actual time=[\d.]+\.\.[\d.]+/, " (actual"),
      ),
  };
}

async function largeTables(client: pg.ClientBase): Promise<Set<string>> {
  const { rows } = await client.query<{ relname: string }>(
    `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples > $1`,
    [LARGE_TABLE_ROWS],
  );
  return new Set(rows.map((row) => row.relname));
}
