// The Node options of the production server, shared by `npm start` (lib/cli/serve.ts) and the bench's server
// (lib/bench/next-server.ts) so that the bench measures what production runs.

/**
 * On a machine with a few GB of memory V8 lets the old generation grow to about 4x the live heap before a full GC.
 * The server's live heap is ~60 MB, and a 100k-claim export promotes ~90 MB of short-lived objects (pg's row parsing
 * alone promotes that much at any batch size), so each download took the server from ~210 MB to 370-440 MB resident.
 * A 1 GB old-space limit makes V8 grow it by ~1.6x instead (the factor scales with the limit): peak 263-266 MB
 * for the same downloads, server CPU time within the noise of a loaded machine, and still ~15x the live heap.
 */
const MAX_OLD_SPACE_MB = 1024;

/** NODE_OPTIONS for `next start`, keeping whatever the caller's environment already sets. */
export function nextStartNodeOptions(inherited: string | undefined): string {
  return [inherited, `--max-old-space-size=${MAX_OLD_SPACE_MB}`].filter(Boolean).join(" ");
}
