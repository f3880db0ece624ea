import { clsx } from "clsx";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CELL, DataTable, DataTableHead, ROW } from "@/components/data-table/data-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Code } from "@/components/ui/code";
import { EmptyState } from "@/components/ui/empty-state";
import { ToneBadge } from "@/components/ui/tone-badge";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getDocuments } from "@/lib/data/documents";
import { formatCount, formatDate, formatDateTime, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Documents" };

export default async function DocumentsPage() {
  // Imports change the list, so it is read per request and never prerendered at build time.
  await connection();
  const actor = await getCurrentUser();
  const documents = await getDocuments(actor);
  const drafts = documents.filter((document) => document.draft).length;

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title="Documents">
          Reports imported into ClaimDesk. Each is split into sections and sentences, and its factual claims
          are extracted for review.
        </PageHeader>
        {can(actor, "documents.import") ? (
          <Link href="/documents/new" className={buttonClasses("primary")}>
            Import a report
          </Link>
        ) : null}
      </div>
      {documents.length === 0 ? (
        <EmptyState title="No documents imported yet">
          {can(actor, "documents.import") ? (
            <>
              <Link href="/documents/new" className="text-brand underline underline-offset-4">
                Import a report
              </Link>
              , or load the sample report with <Code>npm run db:seed</Code>.
            </>
          ) : (
            <>
              Load the sample report with <Code>npm run db:seed</Code>, then reload this page.
            </>
          )}
        </EmptyState>
      ) : (
        <DataTable
          caption={
            <>
              {formatCount(documents.length, "imported document", "imported documents")}
              {drafts
                ? ` (${formatCount(drafts, "draft", "drafts")}, seen only by reviewers and admins)`
                : null}
              , newest first
            </>
          }
          head={
            <>
              <DataTableHead className="pl-5 sm:pl-6">Title</DataTableHead>
              <DataTableHead className="hidden md:table-cell">Published</DataTableHead>
              <DataTableHead className="hidden md:table-cell">Imported</DataTableHead>
              <DataTableHead className="pr-5 text-right sm:pr-6">Claims</DataTableHead>
            </>
          }
        >
          {documents.map((document) => (
            <tr key={document.id} className={ROW}>
              <th scope="row" className={clsx(CELL, "pl-5 font-normal sm:pl-6")}>
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <Link
                    href={`/documents/${document.id}`}
                    className="font-medium text-foreground underline-offset-4 hover:text-brand hover:underline"
                  >
                    {document.title}
                  </Link>
                  {document.draft ? <ToneBadge tone="caution">Draft</ToneBadge> : null}
                </span>
                {document.publisher ? (
                  <span className="mt-0.5 block text-muted-foreground">{document.publisher}</span>
                ) : null}
                {/* Narrow screens have no room for the date columns; the dates move under the title. */}
                <span className="mt-1 block text-xs text-muted-foreground md:hidden">
                  <span className="whitespace-nowrap">
                    Published <PublishedDate value={document.publishedAt} />
                  </span>{" "}
                  ·{" "}
                  <span className="whitespace-nowrap">
                    Imported <ImportedDate value={document.importedAt} />
                  </span>
                </span>
              </th>
              <td className={clsx(CELL, "hidden whitespace-nowrap text-muted-foreground md:table-cell")}>
                <PublishedDate value={document.publishedAt} />
              </td>
              <td className={clsx(CELL, "hidden whitespace-nowrap text-muted-foreground md:table-cell")}>
                <ImportedDate value={document.importedAt} />
              </td>
              <td className={clsx(CELL, "pr-5 text-right font-medium tabular-nums sm:pr-6")}>
                {document.draft ? (
                  <span className="text-muted-foreground">
                    {formatNumber(document.candidates)}
                    <span className="block text-xs font-normal">
                      {document.candidates === 1 ? "candidate" : "candidates"}
                    </span>
                  </span>
                ) : (
                  formatNumber(document.claims)
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

function PublishedDate({ value }: { value: Date | null }) {
  if (!value) return <>date unknown</>;
  return <time dateTime={value.toISOString().slice(0, 10)}>{formatDate(value)}</time>;
}

function ImportedDate({ value }: { value: Date }) {
  return <time dateTime={value.toISOString()}>{formatDateTime(value)}</time>;
}
