// A team saving notes at once: every writer, each signed in as a reviewer of their own, posts the note form's server
// action for the same claim at the same moment, as the browser does (its action id, its encoded arguments, its
// router state). Timed per request to the last byte of the answer, which is when the form can say "saved"; then
// the database is asked how many of the notes it holds. The first round meets a server that has run one action at
// most, as after a deploy; it is reported, and the target is judged on the rounds after it, as the pages' figures are
// taken after their warm-up.
import type pg from "pg";
import { SESSION_COOKIE, mintSessionToken } from "@/lib/auth/session-cookie";
import type { NextServer } from "./next-server";
import { NOTE_SAVE_SCENARIO } from "./scenarios";
import { serverActionId } from "./server-actions";
import { fetchWire, readBody, summarise, type Timing, type WireResponse } from "./timing";

export interface NoteSaveResult {
  writers: number;
  /** Measured rounds, after the first. */
  rounds: number;
  claimId?: number;
  /** The first round's saves. */
  firstRound?: Timing;
  /** Every save of the measured rounds. */
  timing?: Timing;
  /** Requests of any round that did not answer 200 with a successful result. */
  failed: number;
  /** Notes the database holds from every round; `writers * (rounds + 1)` when none was lost. */
  saved: number;
  error?: string;
  verdict: "PASS" | "FAIL";
}

const ACTION_FILE = "lib/actions/annotations.ts";
const ACTION_NAME = "createAnnotation";
const REQUEST_TIMEOUT_MS = 120_000;

export async function measureNoteSaves(
  server: NextServer,
  client: pg.Client,
  signal: AbortSignal,
): Promise<NoteSaveResult> {
  const { writers, rounds } = NOTE_SAVE_SCENARIO;
  const result: NoteSaveResult = { writers, rounds, failed: 0, saved: 0, verdict: "FAIL" };
  try {
    const actionId = serverActionId(ACTION_FILE, ACTION_NAME);
    const claimId = await busiestClaim(client);
    result.claimId = claimId;
    const reviewers = await benchReviewers(client, writers);
    const cookies = await Promise.all(
      reviewers.map(async (id) => `${SESSION_COOKIE}=${await mintSessionToken(id, server.authSecret)}`),
    );
    const run = `bench run ${Date.now()}`;
    const save = (cookie: string, body: string) =>
      fetchWire(
        `${server.origin}/claims/${claimId}`,
        AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
        {
          cookie,
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          origin: server.origin,
          "next-action": actionId,
          "next-router-state-tree": encodeURIComponent(JSON.stringify(claimPageTree(claimId))),
        },
        JSON.stringify([
          {
            claimId,
            body,
            verdict: null,
            evidence: { kind: "none" },
            locator: null,
          },
        ]),
      );
    const saveAtOnce = async (round: number) => {
      const saves = await Promise.all(
        cookies.map(async (cookie, index) => {
          const started = performance.now();
          const response = await save(cookie, `${run}: round ${round}, note ${index + 1} of ${writers}.`);
          return { elapsed: performance.now() - started, response };
        }),
      );
      // Read after the clock stopped: the answers come compressed, as the browser asked.
      result.failed += saves.filter((saved) => !answeredSaved(saved.response)).length;
      return saves.map((saved) => saved.elapsed);
    };

    // One save first, so that the first round meets a server that has compiled the action; it is not counted.
    await save(cookies[0]!, `${run}: warm-up.`);
    result.firstRound = summarise(await saveAtOnce(0));
    const measured: number[] = [];
    for (let round = 1; round <= rounds; round++) measured.push(...(await saveAtOnce(round)));
    result.timing = summarise(measured);
    const { rows } = await client.query<{ saved: number }>(
      `SELECT count(*)::int AS saved FROM "Annotation" WHERE "claimId" = $1 AND "body" LIKE $2`,
      [claimId, `${run}: round %`],
    );
    result.saved = rows[0]!.saved;
    // The corpus is kept between runs: the next run's pages must meet the claim as it was built, without the notes
    // of this run or of any before it.
    await client.query(
      `WITH gone AS (DELETE FROM "Annotation" WHERE "authorId" = ANY($1::int[]) RETURNING "id")
       DELETE FROM "AuditEvent" WHERE "targetType" = 'annotation' AND "targetId" IN (SELECT "id"::text FROM gone)`,
      [reviewers],
    );
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    return result;
  }
  result.verdict =
    result.failed === 0 && result.saved === writers * (rounds + 1) && result.timing.p95 <= NOTE_SAVE_SCENARIO.maxP95Ms
      ? "PASS"
      : "FAIL";
  return result;
}

/** The claim whose page reads the most (entities, sources, related claims): the costliest one to render again. */
async function busiestClaim(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `SELECT "claimId" AS id FROM "ClaimEntity" GROUP BY "claimId" ORDER BY count(*) DESC, "claimId" LIMIT 1`,
  );
  if (!rows[0]) throw new Error("the corpus has no claim that names an entity");
  return rows[0].id;
}

/** Reviewer accounts with no usable password (the bench signs them in by cookie), made once and kept. */
async function benchReviewers(client: pg.Client, count: number): Promise<number[]> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO "User" ("email", "name", "passwordHash", "role", "updatedAt")
     SELECT 'bench-reviewer-' || n || '@claimdesk.invalid', 'Bench reviewer ' || n, '!', 'REVIEWER', now()
     FROM generate_series(1, $1::int) AS n
     ON CONFLICT ("email") DO UPDATE SET "role" = 'REVIEWER', "disabledAt" = NULL
     RETURNING "id"`,
    [count],
  );
  return rows.map((row) => row.id);
}

/** The router state a browser on /claims/<id> sends with an action, so that Next renders what it would for it. */
function claimPageTree(claimId: number): unknown {
  const page = ["__PAGE__", {}, null, null];
  const claim = [["id", String(claimId), "d"], { children: page }, null, null];
  const claims = ["claims", { children: claim }, null, null];
  const dashboard = ["(dashboard)", { children: claims }, null, null];
  return ["", { children: dashboard }, null, null, true];
}

/** A 200 whose action result says the note was saved. */
function answeredSaved(response: WireResponse): boolean {
  try {
    return readBody(response).toString("utf8").includes('"ok":true');
  } catch {
    // readBody refuses an answer that is not a 200.
    return false;
  }
}
