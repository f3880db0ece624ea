/** Reserved for reviewers' notes, verdicts and evidence, which the annotations issue adds; no controls until then. */
export function ReviewRegion() {
  return (
    <section
      aria-labelledby="review-heading"
      className="rounded-xl border border-dashed bg-surface/60 px-5 py-5 sm:px-6 sm:py-6"
    >
      <h2 id="review-heading" className="text-base font-semibold tracking-tight">
        Review
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        Notes, verdicts and evidence from reviewers will appear here.
      </p>
    </section>
  );
}
