// The seeded article measured on the rules alone: its curated result (rules plus overlay) is what a reviewer
// settled on, so the rules without the overlay are scored against it, claim by claim.

import fs from "node:fs/promises";
import path from "node:path";
import { scoreClaims, type ReportScore } from "./evaluation";
import { overlaySchema } from "./overlay";
import { ingestText, type IngestContext, type IngestResult } from "./pipeline";

const DOCUMENTS = path.join(import.meta.dirname, "../../prisma/data/documents");
const SLUG = "china-ai-ecosystem-2025";

export interface SeedScores {
  withOverlay: ReportScore;
  withoutOverlay: ReportScore;
  /** Claims the rules cut exactly as curated, and how many of those got the curated kind and sectors. */
  kindAgreement: { compared: number; same: number };
  sectorAgreement: { compared: number; same: number };
}

export async function seedArticleScores(context: IngestContext): Promise<SeedScores> {
  const text = await fs.readFile(path.join(DOCUMENTS, `${SLUG}.txt`), "utf8");
  const overlay = overlaySchema.parse(
    JSON.parse(await fs.readFile(path.join(DOCUMENTS, `${SLUG}.overlay.json`), "utf8")),
  );
  const curated = ingestText(text, context, overlay);
  const rules = ingestText(text, context);

  const wanted = curated.claims.map((c) => ({
    text: c.text,
    range: { start: c.startOffset, end: c.endOffset },
  }));
  const headings = curated.sections.map((s) => ({
    start: s.startOffset,
    end: s.startOffset + [...s.heading].length,
  }));
  const score = (result: IngestResult): ReportScore => ({
    claims: scoreClaims(result.claims, wanted, headings),
    entities: {
      expected: 0,
      found: 0,
      proposed: result.proposedEntities.length,
      junk: 0,
      kindRight: 0,
      parentExpected: 0,
      parentRight: 0,
      knownExpected: 0,
      knownFound: 0,
      missed: [],
      junkNames: [],
    },
  });

  const pairs = rules.claims.flatMap((r) => {
    const c = curated.claims.find((k) => k.startOffset === r.startOffset && k.endOffset === r.endOffset);
    return c ? [{ rules: r, curated: c }] : [];
  });
  return {
    withOverlay: score(curated),
    withoutOverlay: score(rules),
    kindAgreement: {
      compared: pairs.length,
      same: pairs.filter((p) => p.rules.kind === p.curated.kind).length,
    },
    sectorAgreement: {
      compared: pairs.length,
      same: pairs.filter((p) => p.rules.sectors.join() === p.curated.sectors.join()).length,
    },
  };
}
