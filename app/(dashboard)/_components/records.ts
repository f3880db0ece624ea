// The record a detail page's URL names. Its layout checks that there is one (record-layout.tsx), with a probe that
// link prefetches can afford; its metadata and the page read it, once per request through cache().
import "server-only";
import { cache } from "react";
import { getClaim } from "@/lib/data/claim";
import { getDocumentForReader } from "@/lib/data/documents";
import { getEntity } from "@/lib/data/entities";
import { recordExists, sectorExists, type RecordKind } from "@/lib/data/record-exists";
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

export function hasRecord(kind: RecordKind) {
  return async (segment: string) => {
    const id = parseRecordId(segment);
    return id !== null && recordExists(kind, id);
  };
}

// A slug in a URL is anything typed; only the shape a sector slug can have reaches the database.
const isSectorSlug = (slug: string) => /^[a-z0-9-]{1,80}$/.test(slug);

export const loadSector = cache(async (slug: string) => (isSectorSlug(slug) ? getSectorBySlug(slug) : null));
export const hasSector = async (slug: string) => isSectorSlug(slug) && sectorExists(slug);
