// The record a detail page's URL names, or null. Its layout reads it (see record-layout.tsx), then its metadata and
// the page itself: cache() makes that one read per request.
import "server-only";
import { cache } from "react";
import { getClaim } from "@/lib/data/claim";
import { getDocumentForReader } from "@/lib/data/documents";
import { getEntity } from "@/lib/data/entities";
import { parseRecordId } from "@/lib/data/record-id";
import { getSectorBySlug } from "@/lib/data/sectors";
import { getSource } from "@/lib/data/sources";

function byId<T>(read: (id: number) => Promise<T | null>) {
  return cache(async (segment: string) => {
    const id = parseRecordId(segment);
    return id === null ? null : read(id);
  });
}

export const loadClaim = byId((id) => getClaim(id));
export const loadDocument = byId((id) => getDocumentForReader(id));
export const loadEntity = byId((id) => getEntity(id));
export const loadSource = byId((id) => getSource(id));

// A slug in a URL is anything typed; only the shape a sector slug can have reaches the database.
export const loadSector = cache(async (slug: string) =>
  /^[a-z0-9-]{1,80}$/.test(slug) ? getSectorBySlug(slug) : null,
);
