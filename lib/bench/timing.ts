// Sequential timing loops with a fixed count and a deadline: one request at a time, as one analyst clicking, so
// the figures are latencies rather than throughput, and a hung server cannot hold the bench forever.

export interface LoopOptions {
  warmup: number;
  count: number;
  /** Per request or statement group. */
  timeoutMs: number;
  /** A loop still running after this long stops with the samples it has: a page taking seconds fails anyway. */
  budgetMs: number;
  /** Aborts everything still running when the bench as a whole runs out of time. */
  signal: AbortSignal;
}

export interface Timing {
  /** Milliseconds of each measured iteration, in order. */
  samples: number[];
  /** Iterations asked for; more than samples.length when the budget ran out. */
  requested: number;
  p50: number;
  p95: number;
  max: number;
}

/** Why a loop stopped early: a bad status, a timeout, an error. */
export class LoopFailure extends Error {}

/** Nearest-rank percentile: always one of the measured values, never an interpolation. */
function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarise(samples: number[], requested = samples.length): Timing {
  return {
    samples,
    requested,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
  };
}

/**
 * Runs `iteration` warmup + count times, one after another, timing the measured ones. `measured` tells the
 * iteration whether this run counts, for callers that also time parts of it.
 */
export async function timeLoop(
  iteration: (signal: AbortSignal, measured: boolean) => Promise<void>,
  options: LoopOptions,
): Promise<Timing> {
  const samples: number[] = [];
  const loopStarted = performance.now();
  for (let i = 0; i < options.warmup + options.count; i++) {
    if (options.signal.aborted) throw new LoopFailure("the bench ran out of time");
    if (samples.length > 0 && performance.now() - loopStarted > options.budgetMs) break;
    const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
    const measured = i >= options.warmup;
    const started = performance.now();
    await iteration(signal, measured);
    if (measured) samples.push(performance.now() - started);
  }
  return summarise(samples, options.count);
}

export interface FetchedBody {
  status: number;
  bytes: number;
  body: Buffer;
}

const STREAMED_ERROR = /\bE\{\\?"digest\\?":\\?"([^"\\]+)/;

/** GET with the whole body read: the time to the last byte is what a reader waits for on a streamed page. */
export async function fetchBody(
  url: string,
  signal: AbortSignal,
  headers?: HeadersInit,
): Promise<FetchedBody> {
  let response: Response;
  let body: Buffer;
  try {
    // Redirects are not followed: a redirect to a login page would otherwise be timed as if it were the page.
    response = await fetch(url, { redirect: "manual", signal, headers });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new LoopFailure(`GET ${url} failed: ${describeError(error, signal)}`);
  }
  if (response.status !== 200) {
    const where = response.headers.get("location");
    throw new LoopFailure(`GET ${url} answered ${response.status}${where ? ` (to ${where})` : ""}`);
  }
  // A streamed page has sent 200 before a Suspense boundary fails; the failure only shows in the RSC payload as an
  // error row (`E{"digest":...}`) that makes the browser render error.tsx. Timing that as a page would flatter it.
  const streamedError = response.headers.get("content-type")?.includes("text/html")
    ? STREAMED_ERROR.exec(body.toString("utf8"))
    : null;
  if (streamedError) {
    throw new LoopFailure(
      `GET ${url} streamed a server error (digest ${streamedError[1]}) after answering 200`,
    );
  }
  return { status: response.status, bytes: body.length, body };
}

function describeError(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return signal.reason instanceof Error ? signal.reason.message : "aborted";
  return error instanceof Error
    ? error.cause instanceof Error
      ? error.cause.message
      : error.message
    : String(error);
}
