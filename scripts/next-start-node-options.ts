// The Node options of the production server, shared by `npm start` (scripts/serve.ts) and the bench's server
// (scripts/bench/next-server.ts) so that the bench measures what production runs.

/**
 * On a machine with a few GB of memory V8 lets the old generation grow to about 4x the live heap before a full GC.
 * The server's live heap is ~60 MB, and a 100k-claim export promotes ~90 MB of short-lived objects (pg's row parsing
 * alone promotes that much at any batch size), so each download took the server from ~210 MB to 370-440 MB resident.
 * A 1 GB old-space limit makes V8 grow it by ~1.6x instead (the factor scales with the limit): peak 263-266 MB
 * for the same downloads, server CPU time within the noise of a loaded machine, and still ~15x the live heap.
 */
const MAX_OLD_SPACE_MB = 1024;

/**
 * V8 sizes the young generation from the old-space limit (limit / 128, so 8 MB semi-spaces under a 1 GB limit), which
 * halved it from the 16 MB it gets by default. Each page allocates ~5 MB, so scavenges came twice as often, each
 * copying and promoting the page being rendered: /claims p95 43-46 ms against 34-39 ms with 16 MB set again (same
 * build, 100 requests each after 600 to warm up, 100k claims). The export's peak stayed at 267-285 MB. (A 1.5 GB limit
 * as well: pages no faster, export 301 MB.)
 */
const MAX_SEMI_SPACE_MB = 16;

/** NODE_OPTIONS for `next start`, keeping whatever the caller's environment already sets. */
export function nextStartNodeOptions(inherited: string | undefined): string {
  return [inherited, `--max-old-space-size=${MAX_OLD_SPACE_MB}`, `--max-semi-space-size=${MAX_SEMI_SPACE_MB}`]
    .filter(Boolean)
    .join(" ");
}
