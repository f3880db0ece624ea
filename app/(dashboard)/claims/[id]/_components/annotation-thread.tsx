"use client";

// A claim's review thread: notes with their replies, earlier versions, evidence and the actions each person may
// take on them. The server decides what is allowed; the flags here only hide buttons that would be refused.
import { clsx } from "clsx";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ToneBadge, VerdictBadge } from "@/components/ui/tone-badge";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { MarkdownText, safeUrl } from "@/components/ui/markdown";
import {
  createAnnotation,
  deleteAnnotation,
  editAnnotation,
  reopenAnnotation,
  replyToAnnotation,
  resolveAnnotation,
} from "@/lib/actions/annotations";
import type { ActionResult } from "@/lib/actions/result";
import { sendAction } from "@/lib/actions/send-action";
import type { AnnotationThread, AnnotationView, EvidenceSource } from "@/lib/data/annotations";
import { formatDateTime } from "@/lib/format";
import { NO_EVIDENCE } from "./evidence-picker";
import { NoteForm, type NoteDraft } from "./note-form";

export type ThreadViewer = { id: number; canWrite: boolean; isAdmin: boolean };

export function AnnotationThreadView({
  claimId,
  thread,
  viewer,
}: {
  claimId: number;
  thread: AnnotationThread[];
  viewer: ThreadViewer;
}) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  // The thread's actions revalidate nothing (lib/actions/annotations.ts): once one answers, the page is read again.
  const refresh = () => startRefresh(() => router.refresh());

  return (
    <div className="flex flex-col gap-6">
      <p role="status" className="text-sm text-muted-foreground empty:hidden">
        {refreshing ? "Saved. Updating the thread…" : null}
      </p>
      {thread.length === 0 ? (
        <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          No notes yet.{viewer.canWrite ? " Start the review with the first one below." : null}
        </p>
      ) : (
        <ol aria-label="Notes" className="flex flex-col gap-4">
          {thread.map((root) => (
            <li key={root.id} className="rounded-lg border bg-background/40">
              <NoteItem
                note={root}
                viewer={viewer}
                threadResolved={Boolean(root.resolved)}
                onChanged={refresh}
              />
              {root.replies.length > 0 ? (
                <ol aria-label={`Replies to ${root.author.name}`} className="flex flex-col border-t">
                  {root.replies.map((reply) => (
                    <li key={reply.id} className="border-b pl-6 last:border-b-0 sm:pl-10">
                      <NoteItem
                        note={reply}
                        viewer={viewer}
                        threadResolved={Boolean(root.resolved)}
                        onChanged={refresh}
                      />
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {viewer.canWrite ? (
        <section aria-labelledby="new-note-heading" className="flex flex-col gap-3">
          <h3 id="new-note-heading" className="text-sm font-semibold">
            Add a note
          </h3>
          <NoteForm
            id="new-note"
            label="Add a note"
            submitLabel="Add note"
            save={(content) => createAnnotation({ ...content, claimId })}
            onSaved={refresh}
            clearAfterSave
          />
        </section>
      ) : (
        <p className="text-sm text-muted-foreground">Reviewers and admins add notes; you can read them.</p>
      )}
    </div>
  );
}

type Mode = "read" | "edit" | "reply" | "confirm-delete";

function NoteItem({
  note,
  viewer,
  threadResolved,
  onChanged,
}: {
  note: AnnotationView;
  viewer: ThreadViewer;
  threadResolved: boolean;
  /** After a change is saved: reads the page again. */
  onChanged: () => void;
}) {
  const [mode, setMode] = useState<Mode>("read");
  const [showRevisions, setShowRevisions] = useState(false);
  const [staleEdit, setStaleEdit] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const isRoot = note.parentId === null;
  const isAuthor = note.author.id === viewer.id;

  function run(action: () => Promise<ActionResult<unknown>>) {
    setError(null);
    startTransition(async () => {
      const result = await sendAction(action);
      if (result.ok) {
        setMode("read");
        onChanged();
      } else {
        setError(result.error);
      }
    });
  }

  if (note.deleted) {
    return (
      <article
        id={`annotation-${note.id}`}
        aria-label={`Deleted note by ${note.author.name}`}
        className="px-4 py-3"
      >
        <p className="text-sm text-muted-foreground italic">
          Note by {note.author.name} deleted by {note.deleted.by.name} on{" "}
          <time dateTime={note.deleted.at.toISOString()}>{formatDateTime(note.deleted.at)}</time>.
        </p>
      </article>
    );
  }

  return (
    <article
      id={`annotation-${note.id}`}
      aria-label={`${note.author.name}'s ${isRoot ? "note" : "reply"}`}
      className={clsx("flex flex-col gap-2 px-4 py-3", threadResolved && "opacity-90")}
    >
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <h4 className="font-semibold">{note.author.name}</h4>
        <time dateTime={note.createdAt.toISOString()} className="text-muted-foreground">
          {formatDateTime(note.createdAt)}
        </time>
        {note.revisions.length > 0 ? (
          <button
            type="button"
            aria-expanded={showRevisions}
            aria-controls={`annotation-${note.id}-revisions`}
            onClick={() => setShowRevisions(!showRevisions)}
            className="rounded text-xs text-muted-foreground underline underline-offset-2 outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
          >
            edited · {showRevisions ? "hide" : "show"} {note.revisions.length} earlier{" "}
            {note.revisions.length === 1 ? "version" : "versions"}
          </button>
        ) : null}
        {note.verdict ? <VerdictBadge verdict={note.verdict} /> : null}
        {isRoot && note.resolved ? (
          <ToneBadge tone="positive">Resolved by {note.resolved.by.name}</ToneBadge>
        ) : null}
      </header>

      {mode === "edit" ? (
        <>
          {staleEdit ? (
            <div className="rounded-md border border-amber-300 bg-amber-50/60 px-3 py-2 dark:border-amber-900 dark:bg-amber-950/30">
              <p className="text-xs font-medium text-amber-900 dark:text-amber-200">
                Latest version (version {note.version}, saved {formatDateTime(note.updatedAt)})
              </p>
              <NoteContent note={note} />
            </div>
          ) : null}
          <NoteForm
            id={`edit-${note.id}`}
            label="Edit your note"
            submitLabel="Save changes"
            initial={draftOf(note)}
            save={(content) => editAnnotation({ ...content, annotationId: note.id, version: note.version })}
            onSaved={() => {
              setStaleEdit(false);
              setMode("read");
              onChanged();
            }}
            onStale={() => setStaleEdit(true)}
            onCancel={() => {
              setStaleEdit(false);
              setMode("read");
            }}
          />
        </>
      ) : (
        <NoteContent note={note} />
      )}

      {showRevisions ? (
        <ol
          id={`annotation-${note.id}-revisions`}
          aria-label={`Earlier versions of ${note.author.name}'s note`}
          className="flex flex-col gap-2 border-l-2 pl-3"
        >
          {note.revisions.map((revision) => (
            <li key={revision.version} className="flex flex-col gap-1">
              <p className="text-xs text-muted-foreground">
                Version {revision.version}, written by {revision.editedBy.name} on{" "}
                <time dateTime={revision.editedAt.toISOString()}>{formatDateTime(revision.editedAt)}</time>
              </p>
              {revision.verdict ? <VerdictBadge verdict={revision.verdict} /> : null}
              <MarkdownText className="text-muted-foreground">{revision.body}</MarkdownText>
              <Evidence source={revision.evidence} locator={revision.locator} />
            </li>
          ))}
        </ol>
      ) : null}

      {error ? <FormMessage tone="error">{error}</FormMessage> : null}

      {mode === "confirm-delete" ? (
        <div role="group" aria-label="Confirm deletion" className="flex flex-wrap items-center gap-2 text-sm">
          <span>Delete this note? The thread will show that it was deleted.</span>
          <Button
            variant="danger"
            className="h-8"
            disabled={pending}
            onClick={() => run(() => deleteAnnotation({ annotationId: note.id }))}
          >
            {pending ? "Deleting…" : "Delete note"}
          </Button>
          <Button className="h-8" disabled={pending} onClick={() => setMode("read")}>
            Keep it
          </Button>
        </div>
      ) : null}

      {mode === "read" && viewer.canWrite ? (
        <div className="flex flex-wrap gap-1">
          {isRoot ? (
            <Button variant="ghost" className="h-8 px-2.5" onClick={() => setMode("reply")}>
              Reply
            </Button>
          ) : null}
          {isAuthor ? (
            <Button variant="ghost" className="h-8 px-2.5" onClick={() => setMode("edit")}>
              Edit
            </Button>
          ) : null}
          {isAuthor || viewer.isAdmin ? (
            <Button variant="ghost" className="h-8 px-2.5" onClick={() => setMode("confirm-delete")}>
              Delete
            </Button>
          ) : null}
          {isRoot ? (
            <Button
              variant="ghost"
              className="h-8 px-2.5"
              disabled={pending}
              onClick={() =>
                run(() =>
                  note.resolved
                    ? reopenAnnotation({ annotationId: note.id })
                    : resolveAnnotation({ annotationId: note.id }),
                )
              }
            >
              {note.resolved ? "Reopen thread" : "Resolve thread"}
            </Button>
          ) : null}
        </div>
      ) : null}

      {mode === "reply" ? (
        <NoteForm
          id={`reply-${note.id}`}
          label={`Reply to ${note.author.name}`}
          submitLabel="Post reply"
          save={(content) => replyToAnnotation({ ...content, parentId: note.id })}
          onSaved={() => {
            setMode("read");
            onChanged();
          }}
          onCancel={() => setMode("read")}
        />
      ) : null}
    </article>
  );
}

function NoteContent({ note }: { note: AnnotationView }) {
  return (
    <>
      <MarkdownText>{note.body ?? ""}</MarkdownText>
      <Evidence source={note.evidence} locator={note.locator} />
    </>
  );
}

function Evidence({ source, locator }: { source: EvidenceSource | null; locator: string | null }) {
  if (!source && !locator) return null;
  const href = source?.url ? safeUrl(source.url) : null;
  return (
    <div className="rounded-md bg-muted/60 px-3 py-2 text-sm">
      {source ? (
        <p>
          <span className="text-muted-foreground">Evidence: </span>
          {href ? (
            <a
              href={href}
              rel="noopener noreferrer nofollow"
              className="font-medium text-brand underline underline-offset-2"
            >
              {source.title}
            </a>
          ) : (
            <span className="font-medium">{source.title}</span>
          )}
          {source.publisher ? <span className="text-muted-foreground"> · {source.publisher}</span> : null}
        </p>
      ) : null}
      {locator ? (
        <blockquote className="mt-1 border-l-2 pl-2 break-words whitespace-pre-wrap text-muted-foreground">
          {locator}
        </blockquote>
      ) : null}
    </div>
  );
}

function draftOf(note: AnnotationView): NoteDraft {
  return {
    body: note.body ?? "",
    verdict: note.verdict ?? "",
    evidence: note.evidence
      ? {
          ...NO_EVIDENCE,
          kind: "existing",
          source: { id: note.evidence.id, title: note.evidence.title, publisher: note.evidence.publisher },
        }
      : NO_EVIDENCE,
    locator: note.locator ?? "",
  };
}
