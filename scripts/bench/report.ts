// docs/benchmarks.md, rewritten by every run: the figures, the machine they come from, and how to get them again.

import type { BenchResult, PageResult, SqlResult } from "./run-bench";
import { LOOP_BUDGET_MS, kb, mb, ms } from "./run-bench";
import { POLL_MS, type LargeImportResult } from "./large-import";
import type { OtherWork } from "./other-work";
import { LARGE_REPORT_OPTIONS, WORDS_PER_PAGE } from "./large-report";
import {
  CLAIMS_PAGE_TARGET,
  EXPORT_SCENARIO,
  FIRST_LOAD_SCENARIO,
  LARGE_IMPORT_SCENARIO,
  NOTE_SAVE_SCENARIO,
} from "./scenarios";
import type { Timing } from "./timing";

const number = (value: number) => value.toLocaleString("en-US");
const cell = (value: number | undefined, format: (v: number) => string) =>
  value === undefined ? "–" : format(value);
const bare = (value: number) => ms(value).replace(" ms", "");

export function renderReport(result: BenchResult, command: string): string {
  const { machine, corpus, options } = result;
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const verdict =
    result.failures.length === 0
      ? "**PASS**: every target met."
      : `**FAIL**: ${result.failures.length} problem(s), listed under [Failures](#failures).`;

  push(
    "# Benchmarks",
    "",
    `Written by \`npm run bench\` (scripts/bench.ts) on ${result.startedAt.toISOString().replace("T", " ").slice(0, 16)} UTC; ` +
      "every run overwrites this file. Targets are the claims-explorer issue's, for 100,000 claims on our 2-core machine.",
    "",
    verdict,
    "",
    "## Machine",
    "",
    "| | |",
    "|---|---|",
    `| CPU | ${machine.cpu}, ${machine.cores} cores |`,
    `| Memory | ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GiB |`,
    `| OS | ${machine.os} |`,
    `| Load average (1 min) | ${machine.load.start.toFixed(2)} at the start, ${machine.load.end?.toFixed(2) ?? "–"} at the end (${machine.cores} cores: above that, other work competed for the CPU) |`,
    `| Other work (CPU, % of one core) | ${otherWorkCell(machine.otherWork)} |`,
    `| Node.js | ${machine.node} |`,
    `| Database | ${machine.database ?? "not reached"}${corpus.database ? `: ${corpus.database}` : ""} |`,
    `| App | production build (\`next build\`, \`next start\`) of commit ${result.app.commit}${
      result.app.uncommitted.length
        ? `, plus uncommitted changes to ${result.app.uncommitted.length} file(s) under app/, lib/, components/`
        : ""
    }${result.app.buildId ? ` (build id ${result.app.buildId})` : ""}${result.app.built === false ? "; existing build reused (--no-build)" : ""} |`,
    "",
  );

  const rows = corpus.rows;
  push(
    "## Corpus",
    "",
    `Synthetic and deterministic (scripts/bench/synthetic-corpus.ts, seed \`${corpus.options.seed}\`): ` +
      `${number(rows.Claim)} claims in ${number(rows.Document)} documents (${number(rows.Section)} sections), ` +
      `${number(rows.Entity)} entities with ${number(rows.EntityAlias)} aliases, ${number(rows.Source)} sources, ` +
      `${number(rows.Sector)} sectors; ${number(rows.ClaimEntity)} claim–entity links, ${number(rows.EntityMention)} mentions, ` +
      `${number(rows.ClaimSector)} claim–sector links, ${number(rows.ClaimSource)} claim–source links, ${number(rows.Quantity)} quantities.`,
    "",
  );
  if (corpus.state) {
    push(
      `Generated in ${corpus.generatedSeconds.toFixed(1)} s; loaded (migrations, inserts, ANALYZE) in ${corpus.state.buildSeconds.toFixed(1)} s` +
        (corpus.state.reused
          ? ` on ${corpus.state.builtAt.toISOString().slice(0, 16).replace("T", " ")} UTC and reused by this run.`
          : " by this run."),
      "",
    );
  }
  if (result.context) {
    const c = result.context;
    push(
      `Filter values, read off the loaded corpus: sector \`${c.sector.slug}\` (${number(c.sector.claims)} claims), ` +
        `entity \`${c.topEntity.slug}\` "${c.topEntity.name}" (id ${c.topEntity.id}, the most mentioned: ${number(c.topEntity.claims)} claims), ` +
        `search \`${c.searchWord}\`, misspelt entity \`${c.misspelt.typed}\` for "${c.misspelt.meant}".`,
      "",
    );
  }

  push(
    "## Pages and API",
    "",
    `${warmupSentence(result)}${options.requests} sequential requests per scenario after ${options.warmup} warm-ups, time to the last byte (streamed ` +
      `pages included) of the response as sent, compressed as for Chromium, decoded and checked once the clock has stopped; a scenario still running after ${LOOP_BUDGET_MS / 1000} s stops early, with n below the count. ` +
      "SQL p95: the builder's statements for the same filter timed raw over node-postgres (below); " +
      "ratio = page p95 / SQL p95; app p50 = page p50 − SQL p50, what the app adds to a typical request " +
      "(rendering, streaming, compression), which does not shrink with the SQL; /sign-in, which reads nothing from " +
      "the database, shows that cost on its own.",
    "",
    "| scenario | path | n | p50 ms | p95 ms | max ms | SQL p95 ms | ratio | app p50 ms | target | result |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|",
    ...result.pages.map(pageRow),
    "",
  );

  push(
    "## Raw SQL of the claims queries",
    "",
    "The statements lib/queries/claims-sql.ts builds, run as lib/data/claims.ts runs them (single statements on a " +
      "pool with the app's session settings), over node-postgres, without Next.js. List: the count beside the page's " +
      "rows, as the API runs it. Both: after resolving the query's names, the page's rows beside the facets (whose " +
      "shared statement also gives the total), started at once as the page starts " +
      'them, with the unfiltered total ("of 100,000") beside them when filters are set; facets = their time within that.',
    "",
    "| filter | n | list p50 | list p95 | facets p50 | facets p95 | both p95 |",
    "|---|--:|--:|--:|--:|--:|--:|",
    ...result.sql.map(sqlRow),
    "",
  );

  push("## CSV export", "");
  const exported = result.export;
  if (!exported) push("Not measured (the bench stopped before it).", "");
  else if (exported.error) push(`Not measured: ${exported.error}`, "");
  else {
    push(
      `\`GET ${EXPORT_SCENARIO.path}\` from a freshly started server, ${exported.seconds.length} downloads after one warm-up. ` +
        "Peak memory: resident set of the " +
        "`next start` process and its children during each download, the larger of a 50 ms /proc sample of the tree's total " +
        "and the kernel's high-water marks (VmHWM, reset before each download).",
      "",
      "| time to last byte | rows | size | server RSS before | peak RSS | target | result |",
      "|---|--:|--:|--:|--:|---|---|",
      `| ${exported.seconds.map((s) => `${s.toFixed(2)} s`).join(", ")} | ${number(exported.rows)} of ${number(exported.expectedRows)} | ` +
        `${mb(exported.bytes)} | ${mb(exported.baselineBytes)} | ${mb(exported.peakBytes)} | ` +
        `< ${EXPORT_SCENARIO.maxSeconds} s, < ${mb(EXPORT_SCENARIO.maxPeakBytes)}, every row | ${exported.verdict} |`,
      "",
    );
  }

  push("## Note saves under load", "");
  const notes = result.noteSaves;
  if (!notes) push("Not measured (the bench stopped before it).", "");
  else if (notes.error) push(`Not measured: ${notes.error}`, "");
  else {
    const timing = notes.timing!;
    const first = notes.firstRound!;
    const expected = notes.writers * (notes.rounds + 1);
    push(
      `${notes.writers} reviewers, each with an account of their own, save a note on claim ${notes.claimId} (the one naming ` +
        "the most entities) at the same moment, posting the note form's server action as the browser does. Each save " +
        "is timed to the last byte of its answer, when the form can say it is saved. A first round meets a server that " +
        `has run one action (as after a deploy); the target is judged on the ${notes.rounds} rounds after it, as the ` +
        "pages are after their warm-up. Then the database counts the notes it holds from every round. Measured last, " +
        "on a server started for it (as the export's is).",
      "",
      "| rounds | saves | p50 | p95 | max | failed | lost | target | result |",
      "|---|--:|--:|--:|--:|--:|--:|---|---|",
      `| first | ${number(first.samples.length)} | ${bare(first.p50)} ms | ${bare(first.p95)} ms | ${bare(first.max)} ms ` +
        "| | | | |",
      `| next ${notes.rounds} | ${number(timing.samples.length)} | ${bare(timing.p50)} ms | ${bare(timing.p95)} ms | ` +
        `${bare(timing.max)} ms | ${notes.failed} | ${expected - notes.saved} | p95 <= ` +
        `${number(NOTE_SAVE_SCENARIO.maxP95Ms)} ms, none lost | ${notes.verdict} |`,
      "",
    );
  }

  push("## 300-page import", "", ...largeImportSection(result.largeImport));

  push("## First-load JavaScript", "");
  const firstLoad = result.firstLoad;
  if (!firstLoad?.result) push(`Not measured: ${firstLoad?.error ?? "the bench stopped before it"}.`, "");
  else {
    const f = firstLoad.result;
    push(
      `Route \`${f.route}\`: ${f.chunks} chunks listed in .next/diagnostics/route-bundle-stats.json, ${kb(f.rawBytes)} raw, ` +
        `**${kb(f.gzipBytes)} gzipped** (each chunk at gzip level 9, summed); target < ${kb(FIRST_LOAD_SCENARIO.maxGzipBytes)}: ${firstLoad.verdict}.`,
      "",
    );
  }

  push(
    "## Index use",
    "",
    'EXPLAIN (ANALYZE, BUFFERS) of every claims statement for each filter. "Large seq scans" lists tables of more than ' +
      "10,000 rows read from end to end; counting facets over every claim need some, a filtered list should not.",
    "",
    "| filter | statement | exec ms | indexes used | large seq scans |",
    "|---|---|--:|---|---|",
  );
  for (const entry of result.plans) {
    if (entry.error) push(`| ${entry.filter} | – | – | not explained: ${entry.error} | – |`);
    for (const plan of entry.plans) {
      push(
        `| ${entry.filter} | ${plan.label} | ${cell(plan.executionMs ?? undefined, bare)} | ${plan.indexes.map((i) => `\`${i}\``).join(", ") || "none"} | ${
          plan.largeSeqScans.join(", ") || "–"
        } |`,
      );
    }
  }
  push("");
  for (const entry of result.plans) {
    if (entry.plans.length === 0) continue;
    push(`<details><summary>Plans, ${entry.filter}</summary>`, "");
    for (const plan of entry.plans) push(`${plan.label}:`, "", "```", ...plan.keyLines, "```", "");
    push("</details>", "");
  }

  push("## Failures", "");
  push(...(result.failures.length ? result.failures.map((f) => `- ${f}`) : ["None."]), "");

  push(
    "## Reproduce",
    "",
    "```bash",
    command,
    "```",
    "",
    "With `DATABASE_URL` set, the bench uses a sibling database named `<name>_bench` on that (local) server; without it, " +
      "an embedded PostgreSQL on a folder in the temp directory. The corpus is rebuilt only when it or the migrations " +
      "change (`--rebuild` forces it). `--no-build` serves the existing build; `--claims N` scales the corpus for a quick run. " +
      "The bench exits non-zero when a target is missed.",
    "",
  );
  return lines.join("\n");
}

/** How the server was warmed before the pages were timed, and what its first page cost from cold. */
function warmupSentence({ warmup }: BenchResult): string {
  if (!warmup || warmup.requests === 0) return "";
  const first = warmup.first
    ? ` Its first page from cold (\`${warmup.first.path}\`) took ${ms(warmup.first.ms)}.`
    : "";
  const failed = warmup.failed.length
    ? ` Left out of later rounds after failing: ${warmup.failed.join(", ")}.`
    : "";
  return (
    `The server was first brought to its steady state by ${number(warmup.requests)} requests over every page scenario ` +
    `in turn (${warmup.seconds.toFixed(0)} s), as a server that has been up for a while is.${first}${failed} Then `
  );
}

function pageRow(page: PageResult): string {
  const target = page.target
    ? `p95 < ${page.target.p95Ms} ms${page.target.maxSqlRatio === undefined ? "" : `, ≤ ${page.target.maxSqlRatio}× SQL`}`
    : "–";
  const result = page.problems.length ? `${page.verdict}: ${page.problems.join("; ")}` : page.verdict;
  if (!page.timing)
    return `| ${page.name} | \`${page.path}\` | 0 | – | – | – | – | – | – | ${target} | FAIL: ${page.error ?? "not measured"} |`;
  const t = page.timing;
  return `| ${page.name} | \`${page.path}\` | ${count(t)} | ${bare(t.p50)} | ${bare(t.p95)} | ${bare(t.max)} | ${cell(page.sqlP95, bare)} | ${cell(
    page.ratio,
    (r) => `${r.toFixed(1)}×`,
  )} | ${cell(page.appP50, bare)} | ${target} | ${result} |`;
}

function sqlRow(sql: SqlResult): string {
  if (sql.error || !sql.list || !sql.facets || !sql.both)
    return `| ${sql.filter} | 0 | not measured: ${sql.error ?? "no samples"} | | | | |`;
  return `| ${sql.filter} | ${count(sql.both)} | ${bare(sql.list.p50)} | ${bare(sql.list.p95)} | ${bare(sql.facets.p50)} | ${bare(
    sql.facets.p95,
  )} | ${bare(sql.both.p95)} |`;
}

/** The busiest other programs, e.g. "node in wt-review 96%, postgres in wt-a11y 31%". */
function describeOtherWork(work: OtherWork[]): string {
  return work.length
    ? work
        .map(
          (w) =>
            `${w.label}${w.processes > 1 ? ` (${w.processes} processes)` : ""} ${w.cpuPercent.toFixed(0)}%`,
        )
        .join(", ")
    : "none";
}

function otherWorkCell(work: BenchResult["machine"]["otherWork"]): string {
  return (
    `at the start: ${describeOtherWork(work.start)}` +
    (work.end ? `; at the end: ${describeOtherWork(work.end)}` : "") +
    " (2 s samples of the programs outside the bench)"
  );
}

function largeImportSection(imported: LargeImportResult | undefined): string[] {
  if (!imported) return ["Not measured (the bench stopped before it).", ""];
  const lines: string[] = [];
  const report = imported.report;
  if (report) {
    const c = report.counts;
    lines.push(
      `A Word file generated by scripts/bench/large-report.ts (seed \`${LARGE_REPORT_OPTIONS.seed}\`, ` +
        `${report.generatedSeconds.toFixed(1)} s): ${number(c.words)} words, about ${number(report.pages)} pages at ` +
        `${WORDS_PER_PAGE} words a page, ${(report.bytes / 1e3).toFixed(0)} kB; ${c.chapters} chapters and ` +
        `${c.sections} sections in Word's heading styles, ${number(c.paragraphs)} paragraphs of ` +
        `${number(c.sentences)} sentences (claims of every kind and sentences that are not claims), ` +
        `${number(c.listItems)} list items, ${number(c.tableRows)} table rows in ${c.tables} tables, ` +
        `${number(c.footnotes)} footnotes with addresses and ${number(c.links)} links, naming the catalog's entities ` +
        "and companies, people and models the database does not know. It is queued as the import page queues an " +
        "upload (`queueImport`) and run by the import worker (scripts/worker.ts) in a process of its own, started " +
        `for it; the bench reads the ImportJob row every ${POLL_MS} ms and notes when its stage changes. Then the ` +
        "draft (with its candidates, proposals and skipped sentences) and the job are deleted. Worker memory: its " +
        "resident set once ready, and its peak during the import (the larger of 50 ms samples and VmHWM).",
      "",
    );
  }
  if (imported.error) lines.push(`Not measured: ${imported.error.split("\n")[0]}`, "");
  const output = imported.error?.split("\n").slice(1) ?? [];
  if (output.length) lines.push("```", ...output, "```", "");
  if (imported.seconds === undefined) return lines;
  const stages = imported.stages.map((s) => `${s.stage} ${s.seconds.toFixed(1)} s`).join(", ");
  const written = imported.written;
  const worker = imported.worker;
  lines.push(
    "| queued to done | stages | candidates | proposed entities (mentions) | skipped sentences | sections | worker RSS ready → peak | target | result |",
    "|--:|---|--:|--:|--:|--:|--:|---|---|",
    `| **${imported.seconds.toFixed(1)} s** (${imported.state}) | ${stages} | ${cell(written?.candidates, number)} | ` +
      `${written ? `${number(written.proposedEntities)} (${number(written.proposedMentions)})` : "–"} | ` +
      `${cell(written?.skipped, number)} | ${cell(written?.sections, number)} | ` +
      `${worker ? `${mb(worker.idleBytes)} → ${mb(worker.peakBytes)}` : "–"} | ` +
      `< ${LARGE_IMPORT_SCENARIO.maxSeconds} s | ${imported.verdict} |`,
    "",
    ...(imported.otherWork
      ? [
          `Other work on the machine in the import's first seconds: ${describeOtherWork(imported.otherWork)}.`,
          "",
        ]
      : []),
    "The site while it runs. Responsive is measured, not judged (the issue sets no figure): the pages below, " +
      "requested one after another in turn by one client, " +
      `${LARGE_IMPORT_SCENARIO.idleRounds} rounds just before the import is queued (idle: the worker started and ` +
      "waiting) and for as long as it runs (during), on the server the pages above were timed on. A page that fails " +
      `during the import fails the import's result. For comparison, /claims's own target is p95 < ${CLAIMS_PAGE_TARGET.p95Ms} ms.`,
    "",
    "| page | path | idle n | idle p50 ms | idle p95 ms | during n | during p50 ms | during p95 ms | during max ms | p95 during / idle | failed during |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...imported.pages.map((page) => {
      const { idle, during } = page;
      if (!idle || !during) return `| ${page.name} | \`${page.path}\` | – | – | – | – | – | – | – | – | – |`;
      return (
        `| ${page.name} | \`${page.path}\` | ${idle.samples.length} | ${bare(idle.p50)} | ${bare(idle.p95)} | ` +
        `${during.samples.length} | ${bare(during.p50)} | ${bare(during.p95)} | ${bare(during.max)} | ` +
        `${(during.p95 / idle.p95).toFixed(1)}× | ${page.failedDuring} |`
      );
    }),
    "",
  );
  return lines;
}

function count(timing: Timing): string {
  return timing.samples.length < timing.requested
    ? `${timing.samples.length} of ${timing.requested}`
    : String(timing.requested);
}
