// The claim page's review: status, verdict and assignee with reviewers' controls, the disagreement between
// reviewers, the thread of notes and the claim's history. Signed-in people only; anyone else is asked to sign in.
import Link from "next/link";
import { VerdictBadge, ReviewStatusBadge } from "@/components/ui/tone-badge";
import { buttonClasses } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getAnnotationThread } from "@/lib/data/annotations";
import {
  getAssignableReviewers,
  getClaimHistory,
  getClaimReview,
  type ClaimReviewState,
} from "@/lib/data/review";
import { formatDateTime } from "@/lib/format";
import { AnnotationThreadView } from "./annotation-thread";
import { ClaimHistory } from "./claim-history";
import { PanelCard } from "./claim-panels";
import { AssignControl, SettleControl, StatusControl } from "./review-controls";

export async function ReviewRegion({ claimId }: { claimId: number }) {
  const viewer = await getCurrentUser();
  if (!viewer) {
    return (
      <PanelCard id="review-heading" title="Review">
        <p className="text-sm text-muted-foreground">
          Sign in to see the review thread: reviewers&apos; notes, verdicts, evidence and the claim&apos;s
          history.
        </p>
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(`/claims/${claimId}`)}`}
          className={buttonClasses("secondary", "mt-3")}
        >
          Sign in to see the review thread
        </Link>
      </PanelCard>
    );
  }

  const [review, thread, history, reviewers] = await Promise.all([
    getClaimReview(claimId, viewer),
    getAnnotationThread(claimId, viewer),
    getClaimHistory(claimId, viewer),
    can(viewer, "claims.assignOthers") ? getAssignableReviewers(viewer) : null,
  ]);
  if (!review) return null;
  const reviews = can(viewer, "claims.review");
  const settles = can(viewer, "claims.assignOthers") || review.assignee?.id === viewer.id;

  return (
    <>
      <PanelCard id="review-heading" title="Review">
        <div className="flex flex-col gap-5">
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-muted-foreground">Status</dt>
              <dd className="mt-1">
                <ReviewStatusBadge status={review.status} />
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Verdict</dt>
              <dd className="mt-1">
                <VerdictBadge verdict={review.verdict} />
                {review.verdictSettledAt ? (
                  <span className="mt-1 block text-xs text-muted-foreground">
                    Settled {formatDateTime(review.verdictSettledAt)}
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Assignee</dt>
              <dd className="mt-1">
                {review.assignee?.name ?? <span className="text-muted-foreground">No one</span>}
              </dd>
            </div>
          </dl>
          <ReviewerVerdicts review={review} />
          {reviews ? (
            <div className="flex flex-col gap-4 border-t pt-4">
              <StatusControl claimId={claimId} version={review.version} status={review.status} />
              <AssignControl
                claimId={claimId}
                version={review.version}
                assignee={review.assignee}
                viewerId={viewer.id}
                reviewers={reviewers}
              />
              {settles ? (
                <SettleControl claimId={claimId} version={review.version} verdict={review.verdict} />
              ) : null}
            </div>
          ) : null}
        </div>
      </PanelCard>
      <PanelCard
        id="notes-heading"
        title="Review notes"
        description="Notes in Markdown, each with an optional verdict and evidence."
      >
        <AnnotationThreadView
          claimId={claimId}
          thread={thread}
          viewer={{
            id: viewer.id,
            canWrite: can(viewer, "annotations.write"),
            isAdmin: viewer.role === "ADMIN",
          }}
        />
      </PanelCard>
      <PanelCard
        id="history-heading"
        title="History"
        description="Every change to this claim's review, newest first."
      >
        <ClaimHistory events={history.events} total={history.total} />
      </PanelCard>
    </>
  );
}

/** Who said what; while they disagree, a clear call for the admin or assignee to settle. */
function ReviewerVerdicts({ review }: { review: ClaimReviewState }) {
  if (review.reviewerVerdicts.length === 0) {
    return <p className="text-sm text-muted-foreground">No reviewer has given a verdict yet.</p>;
  }
  return (
    <section
      aria-labelledby="reviewer-verdicts-heading"
      className={
        review.disagreement
          ? "rounded-md border border-amber-300 bg-amber-50/70 px-4 py-3 dark:border-amber-900 dark:bg-amber-950/30"
          : undefined
      }
    >
      <h3 id="reviewer-verdicts-heading" className="text-sm font-semibold">
        {review.disagreement ? "Reviewers disagree" : "Reviewers' verdicts"}
      </h3>
      {review.disagreement ? (
        <p className="mt-1 text-sm">
          {review.verdictSettledAt
            ? "A verdict given since the settlement differs from it. "
            : "Their verdicts differ. "}
          An admin or the assigned reviewer settles the claim&apos;s verdict.
        </p>
      ) : null}
      <ul aria-label="Verdict by reviewer" className="mt-2 flex flex-col gap-1.5 text-sm">
        {review.reviewerVerdicts.map((entry) => (
          <li key={entry.reviewer.id} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{entry.reviewer.name}</span>
            <VerdictBadge verdict={entry.verdict} />
            <a href={`#annotation-${entry.annotationId}`} className="text-brand underline underline-offset-2">
              See {entry.reviewer.name}&apos;s note
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReviewRegionSkeleton() {
  return (
    <div aria-hidden className="flex flex-col gap-6">
      <Skeleton className="h-48 w-full rounded-xl" />
      <Skeleton className="h-64 w-full rounded-xl" />
    </div>
  );
}
