"use client";

// Reviewers' controls over a claim: status, assignment and settling the verdict. Each sends the claim version it
// was rendered with; when someone else got there first, the page refreshes to the latest state and the choice
// made here stays selected to apply again.
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, Select } from "@/components/ui/field";
import { assignClaim, setClaimStatus, settleClaimVerdict } from "@/lib/actions/review";
import type { ActionResult } from "@/lib/actions/result";
import { sendAction } from "@/lib/actions/send-action";
import type { PersonRef } from "@/lib/data/review";
import { REVIEW_STATUS_OPTIONS, VERDICT_OPTIONS } from "@/lib/domain/options";
import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums.ts";

/** Runs one action with the message it leaves, refreshing the page when the claim changed underneath. */
function useClaimAction() {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  function run(action: () => Promise<ActionResult<unknown>>, done: string) {
    setMessage(null);
    startTransition(async () => {
      const result = await sendAction(action);
      if (result.ok) {
        setMessage({ tone: "success", text: done });
        return;
      }
      setMessage({ tone: "error", text: result.error });
      if (result.stale) router.refresh();
    });
  }
  return { run, pending, message };
}

function ControlForm({
  label,
  onSubmit,
  message,
  children,
}: {
  label: string;
  onSubmit: () => void;
  message: { tone: "error" | "success"; text: string } | null;
  children: ReactNode;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form aria-label={label} onSubmit={submit} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">{children}</div>
      {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
    </form>
  );
}

export function StatusControl({
  claimId,
  version,
  status,
}: {
  claimId: number;
  version: number;
  status: ReviewStatus;
}) {
  const [chosen, setChosen] = useState<ReviewStatus>(status);
  const { run, pending, message } = useClaimAction();
  return (
    <ControlForm
      label="Review status"
      message={message}
      onSubmit={() => run(() => setClaimStatus({ claimId, version, status: chosen }), "Status saved.")}
    >
      <label className="flex min-w-44 flex-1 flex-col gap-1.5 text-sm font-medium">
        Status
        <Select value={chosen} onChange={(event) => setChosen(event.target.value as ReviewStatus)}>
          {REVIEW_STATUS_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit" disabled={pending} className="h-10">
        {pending ? "Saving…" : "Save status"}
      </Button>
    </ControlForm>
  );
}

export function SettleControl({
  claimId,
  version,
  verdict,
}: {
  claimId: number;
  version: number;
  verdict: Verdict | null;
}) {
  const [chosen, setChosen] = useState<Verdict | "">(verdict ?? "");
  const { run, pending, message } = useClaimAction();
  return (
    <ControlForm
      label="Settle the verdict"
      message={message}
      onSubmit={() => {
        if (chosen) run(() => settleClaimVerdict({ claimId, version, verdict: chosen }), "Verdict settled.");
      }}
    >
      <label className="flex min-w-44 flex-1 flex-col gap-1.5 text-sm font-medium">
        Settled verdict
        <Select value={chosen} onChange={(event) => setChosen(event.target.value as Verdict | "")} required>
          <option value="" disabled>
            Choose a verdict
          </option>
          {VERDICT_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit" variant="primary" disabled={pending || !chosen} className="h-10">
        {pending ? "Settling…" : "Settle verdict"}
      </Button>
    </ControlForm>
  );
}

/** Admins pick anyone who reviews; a reviewer can only take an unassigned claim or release their own. */
export function AssignControl({
  claimId,
  version,
  assignee,
  viewerId,
  reviewers,
}: {
  claimId: number;
  version: number;
  assignee: PersonRef | null;
  viewerId: number;
  /** Null for reviewers, who cannot assign others. */
  reviewers: PersonRef[] | null;
}) {
  const [chosen, setChosen] = useState<string>(assignee ? String(assignee.id) : "");
  const { run, pending, message } = useClaimAction();

  if (reviewers) {
    return (
      <ControlForm
        label="Assign the claim"
        message={message}
        onSubmit={() =>
          run(
            () => assignClaim({ claimId, version, assigneeId: chosen ? Number(chosen) : null }),
            "Assignment saved.",
          )
        }
      >
        <label className="flex min-w-44 flex-1 flex-col gap-1.5 text-sm font-medium">
          Assignee
          <Select value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">No one</option>
            {reviewers.map((reviewer) => (
              <option key={reviewer.id} value={reviewer.id}>
                {reviewer.name}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" disabled={pending} className="h-10">
          {pending ? "Saving…" : "Assign"}
        </Button>
      </ControlForm>
    );
  }

  const mine = assignee?.id === viewerId;
  if (assignee && !mine) return null;
  return (
    <ControlForm
      label={mine ? "Release the claim" : "Take the claim"}
      message={message}
      onSubmit={() =>
        run(
          () => assignClaim({ claimId, version, assigneeId: mine ? null : viewerId }),
          mine ? "Released." : "The claim is in your queue.",
        )
      }
    >
      <Button type="submit" disabled={pending}>
        {mine ? "Release this claim" : "Take this claim"}
      </Button>
    </ControlForm>
  );
}
