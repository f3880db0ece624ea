// The Node options of the production server, shared by `npm start` (scripts/serve.ts) and the bench's server
// (scripts/bench/next-server.ts) so that the bench measures what production runs.

/**
 * On a machine with a few GB of memory V8 lets the old generation grow to several times the live heap before a full
 * GC, and an export promotes many short-lived objects (pg's row parsing, at any batch size): each download pushed
 * the server's memory far past the export's target. A 1 GB old-space limit makes V8 grow the old generation by a
 * smaller factor (it scales with the limit), which keeps a download's peak within the target at no measurable CPU
 * cost, with the limit still far above the live heap (docs/measurements.md).
 */
const MAX_OLD_SPACE_MB = 1024;

/**
 * V8 sizes the young generation from the old-space limit (limit / 128), which under the limit above halved it from
 * its default. A page allocates a good part of a semi-space, so scavenges came twice as often, each copying and
 * promoting the page being rendered, and pages got slower; setting the default size again brought them back without
 * raising the export's peak (docs/measurements.md).
 */
const MAX_SEMI_SPACE_MB = 16;

/** NODE_OPTIONS for `next start`, keeping whatever the caller's environment already sets. */
export function nextStartNodeOptions(inherited: string | undefined): string {
  return [inherited, `--max-old-space-size=${MAX_OLD_SPACE_MB}`, `--max-semi-space-size=${MAX_SEMI_SPACE_MB}`]
    .filter(Boolean)
    .join(" ");
}
