// `npm run bench` end to end: corpus, production build, server, page and API latencies, raw SQL of the same
// queries, EXPLAIN, the 300-page import beside the pages, the CSV export's time and memory, and first-load
// JavaScript. A stage that fails is recorded and the run goes on where it can, so the report always says what was
// measured and what was not.

import { execFileSync } from "node:child_process";
import os from "node:os";
import pg from "pg";
import { SESSION_SETTINGS, createPool } from "@/lib/prisma-client";
import { SESSION_COOKIE, mintSessionToken } from "@/lib/auth/session-cookie";
import { hasFilters, parseClaimsQuery } from "@/lib/validations/claims";
import { loadCatalog } from "@/prisma/seed";
import {
  cancelOtherQueries,
  ensureCorpus,
  openBenchDatabase,
  type BenchDatabase,
  type CorpusState,
} from "./bench-database";
import { firstLoadJs, type FirstLoadJs } from "./bundle-size";
import {
  claimsStatements,
  resolveQuery,
  runAllClaimsCount,
  runClaimsFacets,
  runClaimsList,
} from "./claims-statements";
import { explainStatements, type PlanSummary } from "./explain";
import { measureLargeImport, type LargeImportResult } from "./large-import";
import { buildApp, readBuildId, startNextServer, type NextServer } from "./next-server";
import { measureNoteSaves, type NoteSaveResult } from "./note-saves";
import { sampleOtherWork, type OtherWork } from "./other-work";
import { treeRss, watchPeakMemory } from "./process-memory";
import {
  CLAIMS_FILTERS,
  EXPORT_SCENARIO,
  LARGE_IMPORT_SCENARIO,
  NOTE_SAVE_SCENARIO,
  FIRST_LOAD_SCENARIO,
  PAGE_SCENARIOS,
  SEARCH_WORD,
  misspell,
  type BenchContext,
  type Target,
} from "./scenarios";
import {
  generateSyntheticCorpus,
  scaledCorpusOptions,
  type SyntheticCorpus,
  type SyntheticCorpusOptions,
} from "./synthetic-corpus";
import {
  fetchBody,
  fetchWire,
  readBody,
  summarise,
  timeLoop,
  type LoopOptions,
  type Timing,
  type WireResponse,
} from "./timing";

export interface BenchOptions {
  claims: number;
  rebuildCorpus: boolean;
  /** False with --no-build: serve the existing build when there is one. */
  build: boolean;
  requests: number;
  warmup: number;
  /** Rounds over every page scenario before the first is timed, to bring the server to its steady state. */
  warmupRounds: number;
  exportRuns: number;
  timeoutMinutes: number;
  /** Only the 300-page import (with the corpus, build, server and warm-up it needs), while working on imports. */
  importOnly: boolean;
}

export const DEFAULT_BENCH_OPTIONS: BenchOptions = {
  claims: 100_000,
  rebuildCorpus: false,
  build: true,
  // The p95 of 50 requests is their third slowest, which a single stall of the machine decides; of 100 it is the
  // sixth slowest. (Five runs at 50 put the misspelt search's p95 anywhere from 80 to 139 ms.)
  requests: 100,
  warmup: 10,
  // A fresh server answers its first pages slower while V8 compiles the render paths; without these rounds the first
  // scenarios were timed on a colder server than the last. Users meet a server that has been up for a while; its first
  // page from cold is reported apart.
  warmupRounds: 30,
  exportRuns: 3,
  timeoutMinutes: 45,
  importOnly: false,
};

const REQUEST_TIMEOUT_MS = 30_000;
const EXPORT_TIMEOUT_MS = 120_000;
const STATEMENT_TIMEOUT_MS = 30_000;
/** One per statement the claims page runs at once: its rows, the unfiltered total, the shared facets and four more. */
const STATEMENT_CONNECTIONS = 7;
export const LOOP_BUDGET_MS = 90_000;
/** A page faster than this fraction of its SQL cannot be running that SQL. */
const MIN_PLAUSIBLE_RATIO = 0.4;

export type Outcome = "PASS" | "FAIL" | "n/a";

export interface PageResult {
  name: string;
  path: string;
  timing?: Timing;
  error?: string;
  sqlP95?: number;
  ratio?: number;
  /** Page p50 less its SQL's p50: the time the app itself adds to a typical request. */
  appP50?: number;
  target?: Target;
  /** Missed targets and implausible figures, worded for the report. */
  problems: string[];
  verdict: Outcome;
}

export interface SqlResult {
  filter: string;
  params: Record<string, string>;
  list?: Timing;
  facets?: Timing;
  /** list and facets started together, until both are done: what the page waits for. */
  both?: Timing;
  error?: string;
}

export interface ExportResult {
  seconds: number[];
  bytes: number;
  rows: number;
  expectedRows: number;
  peakBytes: number;
  /** Resident memory of the server before the first measured download. */
  baselineBytes: number;
  error?: string;
  verdict: Outcome;
}

/** The rounds over every page scenario that bring a fresh server to its steady state before any is timed. */
export interface WarmupResult {
  requests: number;
  seconds: number;
  /** The server's very first page, from cold (modules loaded, nothing compiled yet). */
  first: { path: string; ms: number } | null;
  /** Scenarios left out of later rounds after a failed request; their own loop reports the failure. */
  failed: string[];
}

export interface BenchResult {
  options: BenchOptions;
  startedAt: Date;
  finishedAt?: Date;
  machine: {
    cpu: string;
    cores: number;
    memoryBytes: number;
    node: string;
    os: string;
    database?: string;
    /** 1-minute load average at the start and the end: other work on the machine skews every figure. */
    load: { start: number; end?: number };
    /** The busiest programs outside the bench at the start and the end, named by program and folder. */
    otherWork: { start: OtherWork[]; end?: OtherWork[] };
  };
  app: { commit: string; uncommitted: string[]; built?: boolean; buildId?: string };
  corpus: {
    options: SyntheticCorpusOptions;
    rows: Record<keyof SyntheticCorpus, number>;
    generatedSeconds: number;
    state?: CorpusState;
    database?: string;
  };
  context?: BenchContext;
  warmup?: WarmupResult;
  pages: PageResult[];
  sql: SqlResult[];
  plans: { filter: string; plans: PlanSummary[]; error?: string }[];
  export?: ExportResult;
  largeImport?: LargeImportResult;
  noteSaves?: NoteSaveResult;
  firstLoad?: { result: FirstLoadJs | null; error?: string; verdict: Outcome };
  /** Every missed target and every stage that could not run, worded for the console and the report. */
  failures: string[];
}

export async function runBench(options: BenchOptions, log: (line: string) => void): Promise<BenchResult> {
  const signal = AbortSignal.timeout(options.timeoutMinutes * 60_000);
  const corpusOptions = scaledCorpusOptions(options.claims);
  const started = performance.now();
  const catalog = await loadCatalog();
  // Released once loaded: the rows take a few hundred megabytes the rest of the run has no use for.
  let corpus: SyntheticCorpus | undefined = generateSyntheticCorpus(corpusOptions, catalog);
  const result: BenchResult = {
    options,
    startedAt: new Date(),
    machine: {
      cpu: os.cpus()[0]?.model.trim() ?? "unknown",
      cores: os.cpus().length,
      memoryBytes: os.totalmem(),
      node: process.version,
      os: `${os.type()} ${os.release()}`,
      load: { start: os.loadavg()[0]! },
      otherWork: { start: await sampleOtherWork() },
    },
    app: gitState(),
    corpus: {
      options: corpusOptions,
      rows: Object.fromEntries(
        Object.entries(corpus).map(([table, rows]) => [table, rows.length]),
      ) as BenchResult["corpus"]["rows"],
      generatedSeconds: (performance.now() - started) / 1000,
    },
    pages: [],
    sql: [],
    plans: [],
    failures: [],
  };
  log(
    `generated ${options.claims.toLocaleString("en-US")} claims in ${result.corpus.generatedSeconds.toFixed(1)} s`,
  );

  let database: BenchDatabase | undefined;
  let client: pg.Client | undefined;
  let pool: pg.Pool | undefined;
  let server: NextServer | undefined;
  // The server runs in its own process group, so Ctrl-C reaches only us: stop it before leaving.
  const onSignal = (signal: NodeJS.Signals) => {
    void Promise.allSettled([server?.stop(), database?.stop()]).then(() =>
      process.exit(128 + os.constants.signals[signal]),
    );
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const name of signals) process.once(name, onSignal);
  try {
    database = await openBenchDatabase();
    result.corpus.database = database.description;
    log(`database: ${database.description}`);
    result.corpus.state = await ensureCorpus(database, corpus, corpusOptions, {
      rebuild: options.rebuildCorpus,
      log: (line) => log(`corpus: ${line}`),
    });
    corpus = undefined;
    client = new pg.Client({ connectionString: database.url, statement_timeout: STATEMENT_TIMEOUT_MS });
    await client.connect();
    // EXPLAIN runs the statements under the app's session settings (lib/prisma-client.ts).
    await client.query(SESSION_SETTINGS);
    // The statements run side by side, as in the app; idle connections stay open between loops.
    pool = createPool({
      connectionString: database.url,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      max: STATEMENT_CONNECTIONS,
      idleTimeoutMillis: 0,
    });
    result.machine.database = await describeDatabase(client, database);
    const context = await readContext(client);
    result.context = context;

    log(options.build ? "building the app (next build)" : "reusing the existing build when there is one");
    result.app.built = await buildApp({ reuse: !options.build, databaseUrl: database.url });
    result.app.buildId = readBuildId();
    // Read now: a build someone else starts in this tree later would replace the chunks it lists.
    result.firstLoad = await measureFirstLoad();
    server = await startNextServer({ databaseUrl: database.url });
    log(`next start serving ${server.origin} (pid ${server.pid})`);

    if (!options.importOnly) result.sql = await measureSql(client, pool, context, options, signal, log);
    const sqlByFilter = new Map(result.sql.map((entry) => [entry.filter, entry]));
    result.warmup = await warmUp(server, context, options, signal);
    log(describeWarmup(result.warmup));
    for (const scenario of options.importOnly ? [] : PAGE_SCENARIOS) {
      const page = await measurePage(server, scenario, context, sqlByFilter, options, signal);
      result.pages.push(page);
      log(describePage(page));
      if (page.error) {
        const cancelled = await cancelOtherQueries(client);
        if (cancelled) log(`cancelled ${cancelled} query(ies) the server was still running for it`);
      }
    }
    if (!options.importOnly) result.plans = await explainFilters(client, context);
    // On the pages' server, in its steady state: the pages timed beside the import are compared with the same pages
    // timed idle, on the same server, just before. It leaves the database as it found it.
    result.largeImport = await measureLargeImport(server, client, database.url, catalog, signal, log);
    log(describeLargeImport(result.largeImport));
    if (!options.importOnly) {
      // A fresh server, so that the peak is the export's own plus a bare server, not the heap the pages left behind.
      await server.stop();
      server = await startNextServer({ databaseUrl: database.url });
      const analystId = await benchAnalyst(client);
      result.export = await measureExport(server, analystId, corpusOptions.claims, options, signal, log);
      // Last: the notes it saves change the claim they are on (its status, its counts) for any figure taken after.
      // A fresh server again, so that the burst meets a server in its own state, not the heap a whole export left.
      await server.stop();
      server = await startNextServer({ databaseUrl: database.url });
      result.noteSaves = await measureNoteSaves(server, client, signal);
      log(describeNoteSaves(result.noteSaves));
    }
  } catch (error) {
    result.failures.push(`The bench stopped early: ${errorMessage(error)}`);
  } finally {
    await server?.stop();
    await Promise.all([client?.end(), pool?.end()]).catch(() => {
      // The database may already be gone; nothing is left to close.
    });
    await database?.stop();
    for (const name of signals) process.off(name, onSignal);
  }
  result.firstLoad ??= { result: null, error: "there is no successful build to measure", verdict: "FAIL" };
  if (result.app.buildId && readBuildId() !== result.app.buildId) {
    result.failures.push(
      "Another `next build` replaced .next during the run: later figures may come from a different build. Run again.",
    );
  }
  result.finishedAt = new Date();
  result.machine.load.end = os.loadavg()[0]!;
  result.machine.otherWork.end = await sampleOtherWork();
  result.failures.push(...collectFailures(result));
  return result;
}

async function measureSql(
  client: pg.Client,
  pool: pg.Pool,
  context: BenchContext,
  options: BenchOptions,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<SqlResult[]> {
  const results: SqlResult[] = [];
  for (const filter of CLAIMS_FILTERS) {
    const params = filter.params(context);
    const query = parseClaimsQuery(new URLSearchParams(params));
    const list: number[] = [];
    const facets: number[] = [];
    const both: number[] = [];
    try {
      await timeLoop(
        async (_signal, measured) => {
          // The API runs the list alone; the page starts list and facets at once and waits for both.
          const listStart = performance.now();
          await runClaimsList(pool, await resolveQuery(pool, query), { count: true });
          const listTime = performance.now() - listStart;
          const start = performance.now();
          const resolved = await resolveQuery(pool, query);
          const [, facetsEnd] = await Promise.all([
            runClaimsList(pool, resolved, { count: false }),
            runClaimsFacets(pool, resolved).then(() => performance.now()),
            hasFilters(query) ? runAllClaimsCount(pool) : null,
          ]);
          if (!measured) return;
          list.push(listTime);
          facets.push(facetsEnd - start);
          both.push(performance.now() - start);
        },
        loopOptions(options, STATEMENT_TIMEOUT_MS, signal),
      );
      const entry = {
        filter: filter.name,
        params,
        list: summarise(list, options.requests),
        facets: summarise(facets, options.requests),
        both: summarise(both, options.requests),
      };
      results.push(entry);
      log(
        `SQL ${filter.name}: list p95 ${ms(entry.list.p95)}, facets p95 ${ms(entry.facets.p95)}, both p95 ${ms(entry.both.p95)}`,
      );
    } catch (error) {
      results.push({ filter: filter.name, params, error: errorMessage(error) });
      log(`SQL ${filter.name}: ${errorMessage(error)}`);
    }
  }
  return results;
}

async function warmUp(
  server: NextServer,
  context: BenchContext,
  options: BenchOptions,
  signal: AbortSignal,
): Promise<WarmupResult> {
  const started = performance.now();
  const result: WarmupResult = { requests: 0, seconds: 0, first: null, failed: [] };
  let paths = PAGE_SCENARIOS.map((scenario) => scenario.path(context));
  for (let round = 0; round < options.warmupRounds && paths.length > 0; round++) {
    for (const path of paths) {
      // Out of time: the scenarios' own loops say so.
      if (signal.aborted) return result;
      const requestStarted = performance.now();
      try {
        await fetchBody(
          `${server.origin}${path}`,
          AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
        );
      } catch {
        result.failed.push(path);
      }
      result.first ??= { path, ms: performance.now() - requestStarted };
      result.requests++;
    }
    paths = paths.filter((path) => !result.failed.includes(path));
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function describeWarmup(warmup: WarmupResult): string {
  const first = warmup.first ? `; its first page (${warmup.first.path}) took ${ms(warmup.first.ms)}` : "";
  return `warm-up: ${warmup.requests} page requests in ${warmup.seconds.toFixed(1)} s${first}`;
}

async function measurePage(
  server: NextServer,
  scenario: (typeof PAGE_SCENARIOS)[number],
  context: BenchContext,
  sqlByFilter: Map<string, SqlResult>,
  options: BenchOptions,
  signal: AbortSignal,
): Promise<PageResult> {
  const path = scenario.path(context);
  const page: PageResult = {
    name: scenario.name,
    path,
    target: scenario.target,
    problems: [],
    verdict: "n/a",
  };
  try {
    page.timing = await timeLoop(
      async (requestSignal) => {
        const response = await fetchWire(`${server.origin}${path}`, requestSignal);
        return () => readBody(response);
      },
      loopOptions(options, REQUEST_TIMEOUT_MS, signal),
    );
  } catch (error) {
    page.error = errorMessage(error);
    page.verdict = "FAIL";
    return page;
  }
  if (scenario.sql) {
    const sql = sqlByFilter.get(scenario.sql.filter.name);
    const timing = scenario.sql.reads === "list" ? sql?.list : sql?.both;
    if (timing) {
      page.sqlP95 = timing.p95;
      page.ratio = page.timing.p95 / timing.p95;
      page.appP50 = page.timing.p50 - timing.p50;
    }
  }
  if (page.ratio !== undefined && page.ratio < MIN_PLAUSIBLE_RATIO) {
    // Even running list and facets in parallel, a page cannot beat half the time of its own SQL.
    page.problems.push(
      `answers in ${page.ratio.toFixed(2)}x the time of the SQL it should run: either it does not run these queries ` +
        "(a placeholder page, a stale build with --no-build) or other load on the machine skewed one of the figures",
    );
  }
  const target = scenario.target;
  if (target) {
    if (page.timing.p95 >= target.p95Ms)
      page.problems.push(`p95 ${ms(page.timing.p95)} >= ${target.p95Ms} ms`);
    if (target.maxSqlRatio !== undefined) {
      if (page.sqlP95 === undefined) page.problems.push("its raw SQL could not be timed");
      else if (page.ratio! > target.maxSqlRatio)
        page.problems.push(
          `${page.ratio!.toFixed(1)}x its raw SQL (p95 ${ms(page.sqlP95)}) > ${target.maxSqlRatio}x`,
        );
    }
  }
  page.verdict = page.problems.length > 0 ? "FAIL" : target ? "PASS" : "n/a";
  return page;
}

async function explainFilters(client: pg.Client, context: BenchContext): Promise<BenchResult["plans"]> {
  const plans: BenchResult["plans"] = [];
  for (const filter of CLAIMS_FILTERS) {
    const query = parseClaimsQuery(new URLSearchParams(filter.params(context)));
    try {
      const resolved = await resolveQuery(client, query);
      plans.push({ filter: filter.name, plans: await explainStatements(client, claimsStatements(resolved)) });
    } catch (error) {
      plans.push({ filter: filter.name, plans: [], error: errorMessage(error) });
    }
  }
  return plans;
}

/** The account the bench downloads as (exports are for analysts); it has no usable password. */
async function benchAnalyst(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO "User" ("email", "name", "passwordHash", "role", "updatedAt")
     VALUES ('bench-analyst@claimdesk.invalid', 'Bench analyst', '!', 'ANALYST', now())
     ON CONFLICT ("email") DO UPDATE SET "role" = 'ANALYST', "disabledAt" = NULL
     RETURNING "id"`,
  );
  return rows[0]!.id;
}

async function measureExport(
  server: NextServer,
  analystId: number,
  expectedRows: number,
  options: BenchOptions,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<ExportResult> {
  const url = `${server.origin}${EXPORT_SCENARIO.path}`;
  const result: ExportResult = {
    seconds: [],
    bytes: 0,
    rows: 0,
    expectedRows,
    peakBytes: 0,
    baselineBytes: 0,
    verdict: "FAIL",
  };
  const requestSignal = () => AbortSignal.any([signal, AbortSignal.timeout(EXPORT_TIMEOUT_MS)]);
  const signedIn = { cookie: `${SESSION_COOKIE}=${await mintSessionToken(analystId, server.authSecret)}` };
  try {
    // The first download warms the route's code paths; it is not counted.
    await fetchBody(url, requestSignal(), signedIn);
    result.baselineBytes = treeRss(server.pid);
    for (let run = 0; run < options.exportRuns; run++) {
      const stopWatching = watchPeakMemory(server.pid);
      const started = performance.now();
      let response: WireResponse;
      try {
        response = await fetchWire(url, requestSignal(), signedIn);
      } finally {
        const peak = stopWatching();
        result.peakBytes = Math.max(result.peakBytes, peak.sampledPeakBytes, peak.highWaterBytes ?? 0);
      }
      result.seconds.push((performance.now() - started) / 1000);
      const body = readBody(response);
      result.bytes = body.length;
      result.rows = csvRecords(body) - 1;
    }
  } catch (error) {
    result.error = errorMessage(error);
    return result;
  }
  const slowest = Math.max(...result.seconds);
  result.verdict =
    slowest < EXPORT_SCENARIO.maxSeconds &&
    result.peakBytes < EXPORT_SCENARIO.maxPeakBytes &&
    result.rows === expectedRows
      ? "PASS"
      : "FAIL";
  log(
    `export: ${result.rows.toLocaleString("en-US")} rows, ${mb(result.bytes)}, slowest ${slowest.toFixed(2)} s, ` +
      `peak RSS ${mb(result.peakBytes)}`,
  );
  return result;
}

async function measureFirstLoad(): Promise<NonNullable<BenchResult["firstLoad"]>> {
  try {
    const result = await firstLoadJs(FIRST_LOAD_SCENARIO.route);
    if (!result)
      return { result, error: `the build lists no route ${FIRST_LOAD_SCENARIO.route}`, verdict: "FAIL" };
    return { result, verdict: result.gzipBytes < FIRST_LOAD_SCENARIO.maxGzipBytes ? "PASS" : "FAIL" };
  } catch (error) {
    return { result: null, error: errorMessage(error), verdict: "FAIL" };
  }
}

function loopOptions(options: BenchOptions, timeoutMs: number, signal: AbortSignal): LoopOptions {
  return { warmup: options.warmup, count: options.requests, timeoutMs, budgetMs: LOOP_BUDGET_MS, signal };
}

function collectFailures(result: BenchResult): string[] {
  const failures: string[] = [];
  for (const page of result.pages) {
    if (page.error) failures.push(`${page.name}: not measured: ${page.error}`);
    else if (page.problems.length > 0) failures.push(`${page.name}: ${page.problems.join("; ")}`);
  }
  for (const sql of result.sql) if (sql.error) failures.push(`raw SQL, ${sql.filter}: ${sql.error}`);
  for (const plan of result.plans) if (plan.error) failures.push(`EXPLAIN, ${plan.filter}: ${plan.error}`);
  const exported = result.export;
  if (exported?.error) failures.push(`CSV export: not measured: ${exported.error}`);
  else if (exported?.verdict === "FAIL") {
    const slowest = Math.max(...exported.seconds);
    if (slowest >= EXPORT_SCENARIO.maxSeconds)
      failures.push(`CSV export: ${slowest.toFixed(2)} s >= ${EXPORT_SCENARIO.maxSeconds} s`);
    if (exported.peakBytes >= EXPORT_SCENARIO.maxPeakBytes)
      failures.push(`CSV export: peak RSS ${mb(exported.peakBytes)} >= ${mb(EXPORT_SCENARIO.maxPeakBytes)}`);
    if (exported.rows !== exported.expectedRows)
      failures.push(`CSV export: ${exported.rows} rows, expected ${exported.expectedRows}`);
  }
  const imported = result.largeImport;
  // The worker's output that may follow the first line belongs in the report, not in the list.
  if (imported?.error) failures.push(`300-page import: ${imported.error.split("\n")[0]}`);
  else if (imported?.verdict === "FAIL") failures.push(describeLargeImport(imported));
  const notes = result.noteSaves;
  if (notes?.error) failures.push(`note saves: not measured: ${notes.error}`);
  else if (notes?.verdict === "FAIL") failures.push(`note saves: ${describeNoteSaves(notes)}`);
  const firstLoad = result.firstLoad;
  if (firstLoad?.error) failures.push(`first-load JS: ${firstLoad.error}`);
  else if (firstLoad?.verdict === "FAIL" && firstLoad.result)
    failures.push(
      `first-load JS of ${firstLoad.result.route}: ${kb(firstLoad.result.gzipBytes)} gzipped >= ${kb(FIRST_LOAD_SCENARIO.maxGzipBytes)}`,
    );
  return failures;
}

/** Filter values read off the corpus actually loaded, so they hold on a cached database too. */
async function readContext(client: pg.Client): Promise<BenchContext> {
  const top = await client.query<{ id: number; slug: string; name: string; claims: number }>(
    `SELECT e."id", e."slug", e."name", count(*)::int AS "claims" FROM "ClaimEntity" ce
       JOIN "Entity" e ON e."id" = ce."entityId" GROUP BY e."id" ORDER BY count(*) DESC, e."id" LIMIT 20`,
  );
  const sector = await client.query<{ slug: string; claims: number }>(
    `SELECT s."slug", count(*)::int AS "claims" FROM "ClaimSector" cs JOIN "Sector" s ON s."id" = cs."sectorId"
       GROUP BY s."id" ORDER BY count(*) DESC, s."id" LIMIT 1`,
  );
  const topEntity = top.rows[0];
  const topSector = sector.rows[0];
  if (!topEntity || !topSector) throw new Error("The bench database holds no claims.");
  // A one-word name long enough that a swapped pair of letters still leaves it recognisable.
  const misspeltSource = top.rows.find((row) => /^[A-Za-z]{6,}$/.test(row.name)) ?? topEntity;
  return {
    topEntity,
    sector: topSector,
    searchWord: SEARCH_WORD,
    misspelt: { typed: misspell(misspeltSource.name), meant: misspeltSource.name },
  };
}

async function describeDatabase(client: pg.Client, database: BenchDatabase): Promise<string> {
  const { rows } = await client.query<{ version: string }>("SELECT version()");
  const version = /^PostgreSQL [\d.]+/.exec(rows[0]?.version ?? "")?.[0] ?? "PostgreSQL";
  return database.embedded ? `embedded (${version})` : version;
}

function gitState(): BenchResult["app"] {
  const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
  try {
    return {
      commit: git("rev-parse", "--short", "HEAD"),
      // The build takes whatever is in the working tree, including other people's unfinished changes.
      uncommitted: git("status", "--porcelain", "--", "app", "lib", "components")
        .split("\n")
        .filter(Boolean)
        .map((line) => line.slice(3)),
    };
  } catch {
    return { commit: "unknown (not a git checkout)", uncommitted: [] };
  }
}

/** Records in a CSV body: line breaks outside quoted fields, plus an unterminated last line. */
function csvRecords(body: Buffer): number {
  let records = 0;
  let quoted = false;
  for (const byte of body) {
    if (byte === 0x22) quoted = !quoted;
    else if (byte === 0x0a && !quoted) records++;
  }
  return body.length > 0 && body[body.length - 1] !== 0x0a ? records + 1 : records;
}

function describePage(page: PageResult): string {
  if (page.error) return `${page.name}: ${page.error}`;
  const ratio = page.ratio === undefined ? "" : `, ${page.ratio.toFixed(1)}x SQL`;
  return `${page.name}: p50 ${ms(page.timing!.p50)}, p95 ${ms(page.timing!.p95)}${ratio} ${page.verdict}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function describeNoteSaves(notes: NoteSaveResult): string {
  if (notes.error) return `note saves: ${notes.error}`;
  const timing = notes.timing!;
  return (
    `${notes.writers} reviewers saving a note at once: first round p95 ${ms(notes.firstRound!.p95)}; next ` +
    `${notes.rounds} rounds p50 ${ms(timing.p50)}, p95 ${ms(timing.p95)} (target ` +
    `${ms(NOTE_SAVE_SCENARIO.maxP95Ms)}), max ${ms(timing.max)}; ${notes.failed} failed, ` +
    `${notes.writers * (notes.rounds + 1) - notes.saved} lost`
  );
}

export function describeLargeImport(imported: LargeImportResult): string {
  if (imported.error) return `300-page import: ${imported.error.split("\n")[0]}`;
  const stages = imported.stages.map((s) => `${s.stage} ${s.seconds.toFixed(1)} s`).join(", ");
  const p95 = (timing: Timing | undefined) => (timing ? ms(timing.p95) : "–");
  const pages = imported.pages
    .map(
      (page) =>
        `${page.path} p95 ${p95(page.idle)} idle, ${p95(page.during)} during` +
        (page.failedDuring ? ` (${page.failedDuring} failed)` : ""),
    )
    .join("; ");
  const written = imported.written
    ? `; ${imported.written.candidates} candidates, ${imported.written.proposedEntities} proposed entities, ` +
      `${imported.written.skipped} skipped sentences`
    : "";
  const worker = imported.worker ? `; worker peak RSS ${mb(imported.worker.peakBytes)}` : "";
  return (
    `300-page import: ${imported.seconds!.toFixed(1)} s from queueing to done (target < ` +
    `${LARGE_IMPORT_SCENARIO.maxSeconds} s: ${imported.verdict}): ${stages}${written}${worker}; ${pages}`
  );
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
export const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} kB`;
