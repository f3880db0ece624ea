import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { getAuditActors, getAuditEvents } from "@/lib/data/audit";
import { awaitedLater } from "@/lib/data/awaited-later";
import type { SearchParams } from "@/lib/data/list-params";
import { getDb } from "@/lib/db";
import { parseAuditQuery, serializeAuditQuery } from "@/lib/validations/audit";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { AuditEventList, AuditEventListSkeleton } from "./_components/audit-event-list";
import { AuditFilters } from "./_components/audit-filters";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdminPage("/admin/audit", "audit.read");
  const query = parseAuditQuery(await searchParams);
  const events = awaitedLater(getAuditEvents(getDb(), actor, query));
  const actors = await getAuditActors(getDb(), actor);
  return (
    <>
      <PageHeader title="Audit log">
        Every change to claims, annotations, verdicts, the catalog, saved views and accounts: who made it,
        when, and what it changed. Newest first.
      </PageHeader>
      <div className="flex flex-col gap-6">
        <AuditFilters query={query} actors={actors} />
        <Suspense key={serializeAuditQuery(query).toString()} fallback={<AuditEventListSkeleton />}>
          <AuditEventList events={events} query={query} />
        </Suspense>
      </div>
    </>
  );
}
