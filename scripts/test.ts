// `npm test`: the whole suite, as CI runs it. Type check, lint, unit tests, then integration and
// browser tests against one scratch database (see with-test-db.ts), then a closing tally.

import fs from "node:fs/promises";
import path from "node:path";
import { runCommand } from "./run-command";
import { startTestDatabase } from "./with-test-db";

const RESULTS = path.resolve("test-results");

interface Step {
  name: string;
  command: string[];
  /** A JSON report the step writes, to count its tests. */
  report?: { file: string; count: (json: unknown) => Tally };
  needsDatabase?: boolean;
}

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

interface PlaywrightJson {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

const countVitest = (json: unknown): Tally => {
  const r = json as VitestJson;
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
};

const countPlaywright = (json: unknown): Tally => {
  const { stats } = json as PlaywrightJson;
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
};

const vitest = (project: string): Step => ({
  name: `${project} tests`,
  command: [
    "npx",
    "vitest",
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${RESULTS}/${project}.json`,
  ],
  report: { file: `${RESULTS}/${project}.json`, count: countVitest },
  needsDatabase: project === "integration",
});

const STEPS: Step[] = [
  { name: "type check", command: ["npx", "tsc", "--noEmit"] },
  { name: "lint", command: ["npx", "eslint", "."] },
  vitest("unit"),
  vitest("integration"),
  { name: "production build", command: ["npx", "next", "build"] },
  {
    name: "browser tests",
    command: ["npx", "playwright", "test"],
    report: { file: `${RESULTS}/e2e.json`, count: countPlaywright },
    needsDatabase: true,
  },
];

const formatSeconds = (ms: number) => `${Math.round(ms / 1000)} s`;

async function main(): Promise<number> {
  const started = performance.now();
  await fs.rm(RESULTS, { recursive: true, force: true });
  await fs.mkdir(RESULTS, { recursive: true });
  const database = await startTestDatabase();
  console.log(`tests use ${database.description}`);
  const total: Tally = { passed: 0, failed: 0, skipped: 0 };
  const failedSteps: string[] = [];
  try {
    for (const step of STEPS) {
      console.log(`\n=== ${step.name}: ${step.command.join(" ")}`);
      const env = {
        ...process.env,
        ...(step.needsDatabase ? { DATABASE_URL: database.url } : {}),
        E2E_JSON_REPORT: `${RESULTS}/e2e.json`,
      };
      const [command, ...args] = step.command;
      const started = performance.now();
      const code = await runCommand(command!, args, env);
      console.log(
        `=== ${step.name}: ${code === 0 ? "done" : `exit ${code}`} in ${formatSeconds(performance.now() - started)}`,
      );
      if (step.report) {
        const tally = await readTally(step.report);
        total.passed += tally.passed;
        total.failed += tally.failed;
        total.skipped += tally.skipped;
      }
      if (code !== 0) {
        failedSteps.push(step.name);
        // Later steps build on earlier ones (a failed type check makes the build meaningless).
        if (!step.report) break;
      }
    }
  } finally {
    await database.stop();
  }
  console.log(failedSteps.length ? `\nFailed: ${failedSteps.join(", ")}` : "\nEvery step passed.");
  console.log(`The whole suite took ${formatSeconds(performance.now() - started)}.`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return failedSteps.length ? 1 : 0;
}

async function readTally(report: NonNullable<Step["report"]>): Promise<Tally> {
  try {
    return report.count(JSON.parse(await fs.readFile(report.file, "utf8")));
  } catch {
    // No report means the runner died before counting: count that as a failure, not as silence.
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

process.exit(await main());
