// `npm run eval:import [-- --verbose] [--split held-out|development]`: runs the claims pipeline on the evaluation
// reports in tests/fixtures/reports (and on the seeded article without its overlay) and prints, per report and in
// total, claims found, proposals worth keeping, headings taken as claims and new entities proposed.
import path from "node:path";
import { parseArgs } from "node:util";
import { ingestContext } from "@/lib/ingest/catalog";
import { addScores, loadReports, ratio, scoreReport, type ReportScore } from "@/lib/ingest/evaluation";
import { seedArticleScores } from "@/lib/ingest/seed-evaluation";
import { ingestText } from "@/lib/ingest/pipeline";
import { loadCatalog } from "@/prisma/seed";

const REPORTS = path.join(import.meta.dirname, "../tests/fixtures/reports");
const percent = (part: number, whole: number) => `${Math.round(ratio(part, whole) * 100)}%`.padStart(5);

function row(name: string, s: ReportScore): string {
  const c = s.claims;
  const e = s.entities;
  return [
    name.padEnd(34),
    `${percent(c.found, c.expected)} (${c.found}/${c.expected})`.padEnd(15),
    `${percent(c.kept, c.proposed)} (${c.kept}/${c.proposed})`.padEnd(15),
    String(c.headingsTaken).padEnd(9),
    `${percent(e.found, e.expected)} (${e.found}/${e.expected})`.padEnd(15),
    `${e.junk}/${e.proposed}`.padEnd(8),
    `${e.kindRight}/${e.found}`.padEnd(7),
    `${e.parentRight}/${e.parentExpected}`.padEnd(7),
    `${e.knownFound}/${e.knownExpected}`,
  ].join(" ");
}

const HEADER = [
  "report".padEnd(34),
  "claims found".padEnd(15),
  "kept".padEnd(15),
  "headings".padEnd(9),
  "new entities".padEnd(15),
  "junk".padEnd(8),
  "kind".padEnd(7),
  "parent".padEnd(7),
  "known",
].join(" ");

function details(s: ReportScore) {
  for (const text of s.claims.missed) console.log(`    missed claim: ${text}`);
  for (const text of s.claims.unwanted) console.log(`    not worth keeping: ${text}`);
  for (const name of s.entities.missed) console.log(`    missed entity: ${name}`);
  for (const name of s.entities.junkNames) console.log(`    junk entity: ${name}`);
}

async function main() {
  const { values } = parseArgs({
    options: { verbose: { type: "boolean", default: false }, split: { type: "string" } },
  });
  if (values.split && values.split !== "held-out" && values.split !== "development")
    throw new Error(`--split is "held-out" or "development", not "${values.split}"`);
  const catalog = await loadCatalog();
  const context = ingestContext(catalog);
  const reports = (await loadReports(REPORTS)).filter(
    (r) => !values.split || r.expectations.split === values.split,
  );

  console.log(HEADER);
  for (const split of ["held-out", "development"] as const) {
    const scores: ReportScore[] = [];
    for (const report of reports.filter((r) => r.expectations.split === split)) {
      const score = scoreReport(report, ingestText(report.text, context));
      scores.push(score);
      console.log(row(report.name, score));
      if (values.verbose) details(score);
    }
    if (scores.length) console.log(row(`TOTAL ${split}`, addScores(scores)), "\n");
  }

  const seed = await seedArticleScores(context);
  const seedRow = (s: ReportScore) =>
    `claims found ${percent(s.claims.found, s.claims.expected).trim()} (${s.claims.found}/${s.claims.expected}), kept ${percent(s.claims.kept, s.claims.proposed).trim()} (${s.claims.kept}/${s.claims.proposed}), headings ${s.claims.headingsTaken}, new entities proposed ${s.entities.proposed}`;
  console.log("seed article, scored against its curated result (rules and overlay):");
  console.log(`  rules alone:  ${seedRow(seed.withoutOverlay)}`);
  if (values.verbose) details(seed.withoutOverlay);
  console.log(`  with overlay: ${seedRow(seed.withOverlay)}`);
  console.log(
    `  claims cut as curated: ${seed.kindAgreement.compared}; of those, kind as curated ${seed.kindAgreement.same}, sectors as curated ${seed.sectorAgreement.same}`,
  );
}

main().catch((error: unknown) => {
  console.error(`eval:import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
