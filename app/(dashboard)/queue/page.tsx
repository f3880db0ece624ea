import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { awaitedLater } from "@/lib/data/awaited-later";
import { firstParam, parseOption, parsePage, type SearchParams } from "@/lib/validations/url-params";
import { getReviewQueue } from "@/lib/data/review";
import { ReviewStatus } from "@/lib/generated/prisma/enums.ts";
import { QueueTable, QueueTableSkeleton, QUEUE_PAGE_SIZE } from "./_components/queue-table";

export const metadata: Metadata = { title: "My queue" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getCurrentUser();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/queue")}`);
  if (!can(viewer, "claims.review")) {
    return (
      <>
        <PageHeader title="My queue" />
        <EmptyState title="The queue is for reviewers">
          Claims are assigned to reviewers and admins; your role reads claims and their review notes.
        </EmptyState>
      </>
    );
  }
  const params = await searchParams;
  const query = {
    status: parseOption(Object.values(ReviewStatus), firstParam(params, "status")),
    page: parsePage(firstParam(params, "page")),
    size: QUEUE_PAGE_SIZE,
  };
  const queue = awaitedLater(getReviewQueue(viewer, query));

  return (
    <>
      <PageHeader title="My queue">
        Claims assigned to you, unreviewed first. Take a claim from its page; an admin can assign you others.
      </PageHeader>
      <Suspense key={JSON.stringify(query)} fallback={<QueueTableSkeleton />}>
        <QueueTable queue={queue} query={query} />
      </Suspense>
    </>
  );
}
