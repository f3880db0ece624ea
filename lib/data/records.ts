// The record a detail page's URL names. Its layout (components/records/record-layout.tsx) and metadata read only its title, which link
// prefetches can afford; the page reads the whole record. cache() makes each read once per request. A document is read
// as the signed-in person may see it: a draft is no record at all to someone who may not see drafts.
import "server-only";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth";
import { getClaim } from "@/lib/data/claim-detail";
import { getDocumentForReader, getDocumentTitle } from "@/lib/data/documents";
import { getEntity } from "@/lib/data/entities";
import { parseRecordId } from "@/lib/data/record-id";
import { recordTitle, sectorTitle, type RecordKind } from "@/lib/data/record-titles";
import { getSectorBySlug } from "@/lib/data/sectors";
import { getSource } from "@/lib/data/sources";

function byId<T>(read: (id: number) => Promise<T | null>) {
  return cache(async (segment: string) => {
    const id = parseRecordId(segment);
    return id === null ? null : read(id);
  });
}

const titleOf = (kind: RecordKind) => byId((id) => recordTitle(kind, id));

export const loadClaim = byId((id) => getClaim(id));
export const claimTextOf = titleOf("claim");
export const loadDocument = byId(async (id) => getDocumentForReader(id, await getCurrentUser()));
export const documentTitleOf = byId(async (id) => getDocumentTitle(id, await getCurrentUser()));
export const loadEntity = byId((id) => getEntity(id));
export const entityNameOf = titleOf("entity");
export const loadSource = byId((id) => getSource(id));
export const sourceTitleOf = titleOf("source");

// A slug in a URL is anything typed; only the shape a sector slug can have reaches the database.
const isSectorSlug = (slug: string) => /^[a-z0-9-]{1,80}$/.test(slug);

export const loadSector = cache(async (slug: string) => (isSectorSlug(slug) ? getSectorBySlug(slug) : null));
export const sectorNameOf = cache(async (slug: string) => (isSectorSlug(slug) ? sectorTitle(slug) : null));
