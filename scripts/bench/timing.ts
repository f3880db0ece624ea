// Sequential timing loops with a fixed count and a deadline: one request at a time, as one analyst clicking, so
// the figures are latencies rather than throughput, and a hung server cannot hold the bench forever.

import http from "node:http";
import zlib from "node:zlib";

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
 * iteration whether this run counts, for callers that also time parts of it. What the iteration returns runs
 * after the clock stops: checks of what it got, which are not part of the time being measured.
 */
export async function timeLoop(
  iteration: (signal: AbortSignal, measured: boolean) => Promise<void | (() => void)>,
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
    const check = await iteration(signal, measured);
    if (measured) samples.push(performance.now() - started);
    check?.();
  }
  return summarise(samples, options.count);
}

/** A response as it came off the wire, before decoding. */
export interface WireResponse {
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  wire: Buffer;
}

const STREAMED_ERROR = /\bE\{\\?"digest\\?":\\?"([^"\\]+)/;

// What Chromium asks for, so the server compresses as it does for a reader.
const ACCEPT_ENCODING = "gzip, deflate, br";

const agent = new http.Agent({ keepAlive: true });

/**
 * GET (or, given a body, POST) until the last byte: on a streamed page, that is what a reader waits for. node:http
 * rather than fetch, and the body left compressed: fetch's decoding and web streams cost the bench several
 * milliseconds of CPU per page (docs/measurements.md), taken from the server it shares two cores with. A browser
 * decodes as the bytes arrive, on its own machine; readBody decodes and checks the body once the clock has stopped.
 */
export function fetchWire(
  url: string,
  signal: AbortSignal,
  headers: Record<string, string> = {},
  body?: string,
): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const method = body === undefined ? "GET" : "POST";
    const fail = (error: unknown) =>
      reject(new LoopFailure(`${method} ${url} failed: ${describeError(error, signal)}`));
    // node:http follows no redirect: a redirect to a login page is never timed as if it were the page.
    const request = http.request(url, {
      method,
      agent,
      signal,
      headers: { "accept-encoding": ACCEPT_ENCODING, ...headers },
    });
    request.end(body);
    request.on("error", fail);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", fail);
      response.on("end", () =>
        resolve({
          url,
          status: response.statusCode ?? 0,
          headers: response.headers,
          wire: Buffer.concat(chunks),
        }),
      );
    });
  });
}

/** The response's body decoded, or a LoopFailure if it is not a page someone would want to read. */
export function readBody({ url, status, headers, wire }: WireResponse): Buffer {
  if (status !== 200) {
    const where = headers.location;
    throw new LoopFailure(`GET ${url} answered ${status}${where ? ` (to ${where})` : ""}`);
  }
  const body = decode(wire, headers["content-encoding"], url);
  // A streamed page has sent 200 before a Suspense boundary fails; the failure only shows in the RSC payload as an
  // error row (`E{"digest":...}`) that makes the browser render error.tsx. Timing that as a page would flatter it.
  const streamedError = headers["content-type"]?.includes("text/html")
    ? STREAMED_ERROR.exec(body.toString("utf8"))
    : null;
  if (streamedError) {
    throw new LoopFailure(
      `GET ${url} streamed a server error (digest ${streamedError[1]}) after answering 200`,
    );
  }
  return body;
}

/** fetchWire then readBody, for requests that are not timed one by one. */
export async function fetchBody(
  url: string,
  signal: AbortSignal,
  headers?: Record<string, string>,
): Promise<Buffer> {
  return readBody(await fetchWire(url, signal, headers));
}

function decode(wire: Buffer, encoding: string | undefined, url: string): Buffer {
  switch (encoding ?? "identity") {
    case "identity":
      return wire;
    case "gzip":
      return zlib.gunzipSync(wire);
    case "deflate":
      return zlib.inflateSync(wire);
    case "br":
      return zlib.brotliDecompressSync(wire);
    default:
      throw new LoopFailure(`GET ${url} came in an encoding the bench does not read: ${encoding}`);
  }
}

function describeError(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return signal.reason instanceof Error ? signal.reason.message : "aborted";
  return error instanceof Error
    ? error.cause instanceof Error
      ? error.cause.message
      : error.message
    : String(error);
}
