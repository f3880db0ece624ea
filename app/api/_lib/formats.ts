// Value formats of the JSON API, the same as the export's columns (lib/export/claims-export.ts) so a claim reads
// alike in both.
import { configuredPublicOrigin } from "@/lib/env";

/** A `@db.Date` value as "YYYY-MM-DD"; Prisma hands it over as UTC midnight. */
export function isoDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

export function claimUrl(origin: string, id: number): string {
  return `${origin}/claims/${id}`;
}

/**
 * The origin of the absolute links in answers. Next.js builds request.url from the address it listens on
 * (http://localhost:<port>), whatever host the client asked for, so the configured public URL comes first; a
 * handler called without one (in a test) has only the request's.
 */
export function publicOrigin(request: Request): string {
  return configuredPublicOrigin() ?? new URL(request.url).origin;
}
