// `npm run bench [-- options]`: measures the production build against a synthetic 100k-claim corpus and writes
// docs/benchmarks.md. Exits 1 when a target is missed or something could not be measured, after writing the report.
//
//   --rebuild            rebuild the corpus even if the bench database already holds it
//   --no-build           serve the existing .next build instead of running `next build` (builds if there is none)
//   --claims N           scale the corpus (default 100000; the targets are for 100000)
//   --requests N         measured requests per scenario (default 100), after --warmup N (default 10)
//   --warmup-rounds N    rounds over every page before the first is timed (default 30)
//   --export-runs N      measured CSV downloads (default 3)
//   --timeout-minutes N  stop measuring after this long (default 45)
//   --import-only        only the 300-page import (with the corpus, build, server and warm-up it needs), to work on
//                        imports; prints its figures and writes no report unless --report is given
//   --report PATH        where to write the report (default docs/benchmarks.md)

import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { renderReport } from "@/scripts/bench/report";
import { DEFAULT_BENCH_OPTIONS, runBench, type BenchOptions } from "@/scripts/bench/run-bench";

const DEFAULT_REPORT = "docs/benchmarks.md";

function parseOptions(argv: string[]): { options: BenchOptions; report: string | null } {
  const { values } = parseArgs({
    args: argv,
    options: {
      rebuild: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      claims: { type: "string" },
      requests: { type: "string" },
      warmup: { type: "string" },
      "warmup-rounds": { type: "string" },
      "export-runs": { type: "string" },
      "timeout-minutes": { type: "string" },
      "import-only": { type: "boolean", default: false },
      report: { type: "string" },
    },
  });
  const count = (name: string, value: string | undefined, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min)
      throw new Error(`--${name} must be an integer of at least ${min}`);
    return parsed;
  };
  const defaults = DEFAULT_BENCH_OPTIONS;
  return {
    options: {
      claims: count("claims", values.claims, defaults.claims, 100),
      rebuildCorpus: values.rebuild,
      build: !values["no-build"],
      requests: count("requests", values.requests, defaults.requests, 1),
      warmup: count("warmup", values.warmup, defaults.warmup, 0),
      warmupRounds: count("warmup-rounds", values["warmup-rounds"], defaults.warmupRounds, 0),
      exportRuns: count("export-runs", values["export-runs"], defaults.exportRuns, 1),
      timeoutMinutes: count("timeout-minutes", values["timeout-minutes"], defaults.timeoutMinutes, 1),
      importOnly: values["import-only"],
    },
    // A run of one part would overwrite the whole bench's report with a report of that part.
    report: values.report ?? (values["import-only"] ? null : DEFAULT_REPORT),
  };
}

/** The command line for the report, with the database URL's password (if any) left out. */
function reproduceCommand(argv: string[]): string {
  const configured = process.env.DATABASE_URL;
  let prefix = "";
  if (configured) {
    const url = new URL(configured);
    if (url.password) url.password = "***";
    prefix = `DATABASE_URL=${url.toString()} `;
  }
  return `${prefix}npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const result = await runBench(parsed.options, (line) => console.log(`[bench] ${line}`));
  if (parsed.report) {
    const reportPath = path.resolve(parsed.report);
    await fs.mkdir(path.dirname(reportPath), { recursive: true });
    await fs.writeFile(reportPath, renderReport(result, reproduceCommand(argv)));
    console.log(`[bench] report written to ${path.relative(process.cwd(), reportPath)}`);
  }
  if (result.failures.length === 0) {
    console.log("[bench] PASS: every target met");
    return 0;
  }
  console.error(`[bench] FAIL:\n${result.failures.map((failure) => `  - ${failure}`).join("\n")}`);
  return 1;
}

process.exit(await main());
