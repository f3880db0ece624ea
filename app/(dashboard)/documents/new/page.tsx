import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { getImport, getRecentImports } from "@/lib/data/imports";
import { getDb } from "@/lib/db";
import { parseRecordId } from "@/lib/data/record-id";
import { presentImport } from "@/lib/imports/present";
import type { SearchParams } from "@/lib/validations/url-params";
import { ImportPanel } from "./_components/import-panel";
import { RecentImports } from "./_components/recent-imports";

export const metadata: Metadata = { title: "Import a report" };

export default async function NewDocumentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdminPage("/documents/new", "documents.import");
  // ?import=<id>: the import this page was following, so that a reload goes on showing it.
  const raw = (await searchParams).import;
  const followedId = parseRecordId(typeof raw === "string" ? raw : "");
  const [followed, recent] = await Promise.all([
    followedId === null ? null : getImport(getDb(), actor, followedId),
    getRecentImports(getDb(), actor),
  ]);

  return (
    <>
      <PageHeader title="Import a report">
        Upload a report or paste its text. ClaimDesk finds its claims, the sources they cite and the entities
        they name, and saves them as a draft that reviewers and admins can check before an admin publishes it.
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <ImportPanel initial={followed && presentImport(followed, "")} />
        <RecentImports imports={recent.map((view) => presentImport(view, ""))} />
      </div>
    </>
  );
}
