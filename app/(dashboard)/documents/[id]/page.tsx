import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { clsx } from "clsx";
import { Breadcrumbs } from "@/components/records/breadcrumbs";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { documentTitleOf, loadDocument } from "@/lib/data/records";
import { ExternalLink } from "@/components/ui/external-link";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { CandidateList, DraftBanner, ProposedEntities, SkippedSentences } from "./_components/draft-panels";
import { ReaderContents, ReaderSummary } from "./_components/reader-summary";
import { ReaderText } from "./_components/reader-text";
import { ScrollToTarget } from "./_components/scroll-to-target";

type DocumentPageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: DocumentPageProps): Promise<Metadata> {
  return { title: (await documentTitleOf((await params).id)) ?? "Document not found" };
}

export default async function DocumentPage({ params }: DocumentPageProps) {
  const document = await loadDocument((await params).id);
  if (!document) notFound();
  const { draft } = document;
  const hasTitleLine = document.blocks[0]?.type === "title";

  return (
    <>
      <Breadcrumbs items={[{ label: "Documents", href: "/documents" }, { label: document.title }]} />
      {draft ? (
        <DraftBanner
          documentId={document.id}
          candidates={document.claims}
          canPublish={can(await getCurrentUser(), "documents.publish")}
        />
      ) : null}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        {/* Sticky only once published: a draft's aside also lists its proposals and skipped sentences, more than a screen holds. */}
        <aside
          aria-label="About this document"
          className={clsx(
            "flex flex-col gap-4 lg:col-start-2 lg:row-start-1",
            draft ? null : "lg:sticky lg:top-32",
          )}
        >
          <ReaderSummary document={document} />
          <details className="group rounded-xl border bg-surface lg:hidden">
            <summary className="cursor-pointer px-5 py-3 text-sm font-medium">
              Contents <span className="text-muted-foreground">({document.sections.length} sections)</span>
            </summary>
            <nav aria-label="Contents" className="border-t px-3 py-3">
              <ReaderContents sections={document.sections} draft={draft !== null} />
            </nav>
          </details>
          <Card className="hidden max-h-[calc(100dvh-19rem)] overflow-y-auto p-3 lg:block">
            <nav aria-labelledby="contents-heading">
              <h2
                id="contents-heading"
                className="px-2 pt-1 pb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase"
              >
                Contents
              </h2>
              <ReaderContents sections={document.sections} draft={draft !== null} />
            </nav>
          </Card>
          {draft ? (
            <>
              <ProposedEntities proposals={draft.proposedEntities} />
              <SkippedSentences skipped={draft.skipped} />
            </>
          ) : null}
        </aside>
        <article className="min-w-0 lg:col-start-1 lg:row-start-1">
          <Card className="px-5 py-8 sm:px-10 sm:py-10">
            {hasTitleLine ? null : (
              <h1 className="mb-4 text-2xl font-semibold tracking-tight sm:text-3xl">{document.title}</h1>
            )}
            <ReaderText
              blocks={document.blocks}
              byline={
                <p className="-mt-3 mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
                  {document.publisher ? <span>{document.publisher}</span> : null}
                  <span>
                    Published{" "}
                    {document.publishedAt ? (
                      <time dateTime={document.publishedAt.toISOString().slice(0, 10)}>
                        {formatDate(document.publishedAt)}
                      </time>
                    ) : (
                      "date unknown"
                    )}
                  </span>
                  {document.url ? <ExternalLink url={document.url} /> : null}
                </p>
              }
            />
          </Card>
          {draft ? <CandidateList candidates={draft.candidates} /> : null}
          <ScrollToTarget />
        </article>
      </div>
    </>
  );
}
