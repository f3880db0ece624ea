"use client";

// The admins' Publish button on a draft, with a confirmation: publishing cannot be undone from the app. The action
// re-renders the page into its answer, so once it is done the page is the published reader.
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { publishDocument } from "@/lib/actions/documents";
import { sendAction } from "@/lib/actions/send-action";
import { formatCount } from "@/lib/format";

export function PublishDraft({ documentId, candidates }: { documentId: number; candidates: number }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const prompt = useRef<HTMLDivElement>(null);

  // The button that was pressed is gone: focus goes to the question that replaced it.
  useEffect(() => {
    if (confirming) prompt.current?.querySelector("button")?.focus();
  }, [confirming]);

  function publish() {
    setError(null);
    startTransition(async () => {
      const result = await sendAction(() => publishDocument({ documentId }));
      if (!result.ok) setError(result.error);
    });
  }

  if (!confirming) {
    return (
      <Button variant="primary" className="shrink-0" onClick={() => setConfirming(true)}>
        Publish draft
      </Button>
    );
  }
  return (
    <div
      ref={prompt}
      role="group"
      aria-label="Confirm publishing"
      className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-surface p-4 text-sm text-foreground sm:max-w-sm dark:border-amber-400/30"
    >
      <p>
        Publish this draft? Its{" "}
        {formatCount(candidates, "candidate claim becomes a claim", "candidate claims become claims")} that
        everyone can see, and the document leaves the drafts. This cannot be undone here.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={pending} onClick={publish}>
          {pending ? "Publishing…" : "Publish"}
        </Button>
        <Button disabled={pending} onClick={() => setConfirming(false)}>
          Keep as draft
        </Button>
      </div>
      <div aria-live="polite">{error ? <FormMessage tone="error">{error}</FormMessage> : null}</div>
    </div>
  );
}
