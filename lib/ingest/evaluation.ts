// Scores the pipeline against what a careful reviewer expects of a report (tests/fixtures/reports/*.expected.json):
// claims found (recall), proposals worth keeping (precision), headings taken as claims, and new entities
// proposed (recall) against the junk proposed beside them.

import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { EntityKind } from "@/lib/generated/prisma/enums.ts";
import { codePointIndexer } from "./offsets";
import type { IngestResult } from "./pipeline";

export const expectationsSchema = z
  .object({
    split: z.enum(["held-out", "development"]),
    style: z.string().min(5),
    /** Each a whole sentence or a distinctive part of one, occurring exactly once in the report. */
    claims: z.array(z.string().min(5)),
    notClaims: z.array(
      z
        .object({
          text: z.string().min(1),
          why: z.enum(["heading", "question", "rhetoric", "opinion", "meta", "boilerplate", "reference"]),
        })
        .strict(),
    ),
    entities: z
      .object({
        known: z.array(z.string()),
        new: z.array(
          z
            .object({
              name: z.string().min(1),
              kind: z.enum(EntityKind),
              aliases: z.array(z.string()).default([]),
              /** A known entity's slug, or the name of another new entity. */
              parent: z.string().optional(),
            })
            .strict(),
        ),
        /** Names a reviewer would neither miss nor call junk (a byline, a boilerplate link's subject). */
        optional: z.array(z.string()).default([]),
      })
      .strict(),
  })
  .strict();

export type Expectations = z.infer<typeof expectationsSchema>;

export interface Report {
  name: string;
  text: string;
  expectations: Expectations;
}

/** Reads every `<name>.txt` with its `<name>.expected.json` from `dir`. */
export async function loadReports(dir: string): Promise<Report[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
  return Promise.all(
    files.map(async (file) => {
      const name = file.replace(/\.txt$/u, "");
      const json = await fs.readFile(path.join(dir, `${name}.expected.json`), "utf8").catch(() => {
        throw new Error(`${name}.txt has no ${name}.expected.json beside it`);
      });
      const parsed = expectationsSchema.safeParse(JSON.parse(json));
      if (!parsed.success) throw new Error(`${name}.expected.json: ${z.prettifyError(parsed.error)}`);
      return { name, text: await fs.readFile(path.join(dir, file), "utf8"), expectations: parsed.data };
    }),
  );
}

interface Range {
  start: number;
  end: number;
}

export interface ClaimScore {
  expected: number;
  found: number;
  proposed: number;
  kept: number;
  headingsTaken: number;
  missed: string[];
  unwanted: string[];
}

export interface EntityScore {
  expected: number;
  found: number;
  proposed: number;
  junk: number;
  kindRight: number;
  parentExpected: number;
  parentRight: number;
  knownExpected: number;
  knownFound: number;
  missed: string[];
  junkNames: string[];
}

export interface ReportScore {
  claims: ClaimScore;
  entities: EntityScore;
}

/** Where `part` stands in `text`, in code points; it must stand there exactly once. */
function locate(text: string, part: string, toCodePoint: (i: number) => number): Range {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`expected text not in the report: "${part}"`);
  if (text.indexOf(part, at + 1) >= 0) throw new Error(`expected text occurs more than once: "${part}"`);
  return { start: toCodePoint(at), end: toCodePoint(at + part.length) };
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

/** Claims against the sentences a reviewer would keep (`wanted`) and the headings that must never be claims. */
export function scoreClaims(
  claims: { text: string; startOffset: number; endOffset: number }[],
  wanted: { text: string; range: Range }[],
  headings: Range[],
): ClaimScore {
  const spans = claims.map((c) => ({ start: c.startOffset, end: c.endOffset }));
  const missed = wanted.filter((w) => !spans.some((s) => overlaps(s, w.range))).map((w) => w.text);
  const unwanted = claims
    .filter((c, i) => !wanted.some((w) => overlaps(spans[i]!, w.range)))
    .map((c) => c.text);
  return {
    expected: wanted.length,
    found: wanted.length - missed.length,
    proposed: claims.length,
    kept: claims.length - unwanted.length,
    headingsTaken: spans.filter((s) => headings.some((h) => overlaps(s, h))).length,
    missed,
    unwanted,
  };
}

const normalise = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

export function scoreReport(report: Report, result: IngestResult): ReportScore {
  const { text, expectations } = report;
  const toCodePoint = codePointIndexer(text);
  const wanted = expectations.claims.map((claim) => ({
    text: claim,
    range: locate(text, claim, toCodePoint),
  }));
  const headings = expectations.notClaims
    .filter((n) => n.why === "heading")
    .map((n) => locate(text, n.text, toCodePoint));
  for (const n of expectations.notClaims) locate(text, n.text, toCodePoint);

  const proposals = result.proposedEntities.map((p) => ({
    ...p,
    names: new Set([p.name, ...p.aliases].map(normalise)),
  }));
  const matchOf = (names: string[]) => proposals.find((p) => names.some((n) => p.names.has(normalise(n))));
  const found = expectations.entities.new.map((e) => ({
    expected: e,
    proposal: matchOf([e.name, ...e.aliases]),
  }));
  const acceptable = new Set(
    [
      ...expectations.entities.new.flatMap((e) => [e.name, ...e.aliases]),
      ...expectations.entities.optional,
    ].map(normalise),
  );
  const junk = proposals.filter((p) => ![...p.names].some((n) => acceptable.has(n)));
  const parentOf = (p: (typeof proposals)[number]) =>
    !p.parent
      ? null
      : "slug" in p.parent
        ? p.parent.slug
        : proposals.find((q) => "key" in p.parent! && q.key === p.parent.key);
  const withParent = found.filter((f) => f.expected.parent && f.proposal);
  const parentRight = withParent.filter((f) => {
    const parent = parentOf(f.proposal!);
    if (parent === null || parent === undefined) return false;
    return typeof parent === "string"
      ? parent === f.expected.parent
      : parent.names.has(normalise(f.expected.parent!));
  });
  const linked = new Set(result.claims.flatMap((c) => c.entities.map((e) => e.slug)));

  return {
    claims: scoreClaims(result.claims, wanted, headings),
    entities: {
      expected: found.length,
      found: found.filter((f) => f.proposal).length,
      proposed: proposals.length,
      junk: junk.length,
      kindRight: found.filter((f) => f.proposal?.kind === f.expected.kind).length,
      parentExpected: withParent.length,
      parentRight: parentRight.length,
      knownExpected: expectations.entities.known.length,
      knownFound: expectations.entities.known.filter((slug) => linked.has(slug)).length,
      missed: found.filter((f) => !f.proposal).map((f) => f.expected.name),
      junkNames: junk.map((p) => p.name),
    },
  };
}

/** Adds scores up, so that totals are ratios of sums, not averages of ratios. */
export function addScores(scores: ReportScore[]): ReportScore {
  const sum = <T extends object>(pick: (s: ReportScore) => T): T => {
    const total = {} as Record<string, unknown>;
    for (const score of scores) {
      for (const [key, value] of Object.entries(pick(score))) {
        total[key] = Array.isArray(value)
          ? [...((total[key] as unknown[]) ?? []), ...value]
          : ((total[key] as number) ?? 0) + (value as number);
      }
    }
    return total as T;
  };
  return { claims: sum((s) => s.claims), entities: sum((s) => s.entities) };
}

export const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
