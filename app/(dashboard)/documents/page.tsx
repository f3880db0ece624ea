import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { Code } from "@/components/ui/code";
import { EmptyState } from "@/components/ui/empty-state";
import { getDocuments } from "@/lib/data/documents";
import { formatCount, formatDate, formatDateTime, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Documents" };

export default async function DocumentsPage() {
  // Imports change the list, so it is read per request and never prerendered at build time.
  await connection();
  const documents = await getDocuments();

  return (
    <>
      <PageHeader title="Documents">
        Reports imported into ClaimDesk. Each is split into sections and sentences, and its factual claims are
        extracted for review.
      </PageHeader>
      {documents.length === 0 ? (
        <EmptyState title="No documents imported yet">
          Load the sample report with <Code>npm run db:seed</Code>, then reload this page.
        </EmptyState>
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {formatCount(documents.length, "imported document", "imported documents")}, newest first
            </caption>
            <thead className="border-b bg-muted/60 text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-5 py-3 font-medium sm:px-6">
                  Title
                </th>
                <th scope="col" className="hidden px-4 py-3 font-medium whitespace-nowrap md:table-cell">
                  Published
                </th>
                <th scope="col" className="hidden px-4 py-3 font-medium whitespace-nowrap md:table-cell">
                  Imported
                </th>
                <th scope="col" className="px-5 py-3 text-right font-medium sm:px-6">
                  Claims
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {documents.map((document) => (
                <tr key={document.id} className="align-top">
                  <th scope="row" className="px-5 py-4 font-normal sm:px-6">
                    <Link
                      href={`/documents/${document.id}`}
                      className="block font-medium text-foreground underline-offset-4 hover:text-brand hover:underline"
                    >
                      {document.title}
                    </Link>
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
                  <td className="hidden px-4 py-4 whitespace-nowrap text-muted-foreground md:table-cell">
                    <PublishedDate value={document.publishedAt} />
                  </td>
                  <td className="hidden px-4 py-4 whitespace-nowrap text-muted-foreground md:table-cell">
                    <ImportedDate value={document.importedAt} />
                  </td>
                  <td className="px-5 py-4 text-right font-medium tabular-nums sm:px-6">
                    {formatNumber(document.claims)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
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
