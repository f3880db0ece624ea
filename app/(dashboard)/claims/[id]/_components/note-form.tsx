"use client";

// The form behind a new note, a reply and an edit. Fields are controlled and the form submits through onSubmit,
// never a form action (React resets a form after its action): a refused or failed save keeps every word typed.
import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import type { ZodError } from "zod";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select, Textarea } from "@/components/ui/field";
import { MarkdownText } from "@/components/ui/markdown";
import type { ActionResult } from "@/lib/actions/result";
import { sendAction } from "@/lib/actions/send-action";
import { VERDICT_OPTIONS } from "@/lib/domain/options";
import type { Verdict } from "@/lib/generated/prisma/enums.ts";
import { BODY_MAX, noteContentSchema, type NoteContentInput } from "@/lib/validations/annotations";
import { EvidencePicker, evidenceInput, NO_EVIDENCE, type EvidenceDraft } from "./evidence-picker";

export type NoteDraft = { body: string; verdict: Verdict | ""; evidence: EvidenceDraft; locator: string };

export const EMPTY_NOTE: NoteDraft = { body: "", verdict: "", evidence: NO_EVIDENCE, locator: "" };

interface NoteFormProps {
  id: string;
  /** The form's accessible name: "Add a note", "Reply to Rita", "Edit your note". */
  label: string;
  submitLabel: string;
  initial?: NoteDraft;
  save: (content: NoteContentInput) => Promise<ActionResult<unknown>>;
  /** After a successful save; new notes and replies start empty again, an edit closes. */
  onSaved?: () => void;
  onCancel?: () => void;
  /** Someone saved this record first: the parent shows the latest version beside the kept text. */
  onStale?: () => void;
  clearAfterSave?: boolean;
}

type Problems = { message: string | null; fields: Record<string, string | undefined> };

const NO_PROBLEMS: Problems = { message: null, fields: {} };

function problemsOf(error: ZodError): Problems {
  const fields: Record<string, string | undefined> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    fields[key] ??= issue.message;
  }
  return { message: "Some fields need attention.", fields };
}

export function NoteForm({
  id,
  label,
  submitLabel,
  initial = EMPTY_NOTE,
  save,
  onSaved,
  onCancel,
  onStale,
  clearAfterSave = false,
}: NoteFormProps) {
  const router = useRouter();
  const [draft, setDraft] = useState<NoteDraft>(initial);
  const [preview, setPreview] = useState(false);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const content: NoteContentInput = {
      body: draft.body,
      verdict: draft.verdict || null,
      evidence: evidenceInput(draft.evidence),
      locator: draft.locator,
    };
    // Checked here first with the action's own schema, so an oversized note never leaves the browser.
    const checked = noteContentSchema.safeParse(content);
    if (!checked.success) {
      setProblems(problemsOf(checked.error));
      return;
    }
    setProblems(NO_PROBLEMS);
    startTransition(async () => {
      const result = await sendAction(() => save(content));
      if (result.ok) {
        if (clearAfterSave) {
          setDraft(EMPTY_NOTE);
          setPreview(false);
        }
        onSaved?.();
        return;
      }
      const fields: Record<string, string | undefined> = {};
      for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) fields[key] = messages[0];
      // Refused for its size before the action ran: say how large a note may be.
      const message = result.tooLarge
        ? `${result.error} A note may be up to ${BODY_MAX.toLocaleString("en")} characters.`
        : result.error;
      setProblems({ message, fields });
      if (result.stale) {
        onStale?.();
        router.refresh();
      }
    });
  }

  const evidenceErrors: Record<string, string | undefined> = { "": problems.fields.evidence };
  for (const [key, message] of Object.entries(problems.fields)) {
    if (key.startsWith("evidence.")) evidenceErrors[key.slice("evidence.".length)] = message;
  }
  const over = draft.body.length > BODY_MAX;

  return (
    <form aria-label={label} onSubmit={submit} className="flex flex-col gap-3" noValidate>
      {problems.message ? <FormMessage tone="error">{problems.message}</FormMessage> : null}
      <div className="flex flex-col gap-1.5">
        <div className="flex items-center justify-between gap-2">
          <label htmlFor={`${id}-body`} className="text-sm font-medium">
            Note
          </label>
          <div role="group" aria-label="Note view" className="flex gap-1">
            <Button
              variant={preview ? "ghost" : "secondary"}
              className="h-7 px-2 text-xs"
              aria-pressed={!preview}
              onClick={() => setPreview(false)}
            >
              Write
            </Button>
            <Button
              variant={preview ? "secondary" : "ghost"}
              className="h-7 px-2 text-xs"
              aria-pressed={preview}
              onClick={() => setPreview(true)}
            >
              Preview
            </Button>
          </div>
        </div>
        {/* The textarea stays mounted while previewing, so its text and undo history survive the toggle. */}
        <Textarea
          id={`${id}-body`}
          value={draft.body}
          onChange={(event) => setDraft({ ...draft, body: event.target.value })}
          hidden={preview}
          rows={5}
          aria-describedby={`${id}-body-hint${problems.fields.body ? ` ${id}-body-error` : ""}`}
          aria-invalid={problems.fields.body ? true : undefined}
        />
        {preview ? (
          <div
            aria-label="Preview of the note"
            role="region"
            className="min-h-28 rounded-md border bg-background/50 px-3 py-2"
          >
            {draft.body.trim() ? (
              <MarkdownText>{draft.body}</MarkdownText>
            ) : (
              <p className="text-sm text-muted-foreground">Nothing to preview yet.</p>
            )}
          </div>
        ) : null}
        <p id={`${id}-body-hint`} className="text-xs text-muted-foreground">
          Markdown: **bold**, _italic_, [links](https://…), lists, &gt; quotes. HTML shows as text.{" "}
          <span className={over ? "font-medium text-red-700 dark:text-red-400" : undefined}>
            {draft.body.length.toLocaleString("en")} / {BODY_MAX.toLocaleString("en")} characters
          </span>
        </p>
        {problems.fields.body ? (
          <p id={`${id}-body-error`} className="text-sm text-red-700 dark:text-red-400">
            {problems.fields.body}
          </p>
        ) : null}
      </div>
      <Field
        id={`${id}-verdict`}
        label="Verdict"
        hint="Optional: your verdict on the claim"
        error={problems.fields.verdict}
      >
        {(described) => (
          <Select
            id={`${id}-verdict`}
            value={draft.verdict}
            onChange={(event) => setDraft({ ...draft, verdict: event.target.value as Verdict | "" })}
            {...described}
          >
            <option value="">No verdict</option>
            {VERDICT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <EvidencePicker
        id={`${id}-evidence`}
        value={draft.evidence}
        onChange={(evidence) => setDraft({ ...draft, evidence })}
        errors={evidenceErrors}
      />
      <Field
        id={`${id}-locator`}
        label="Quote or locator"
        hint="Optional: a quote from the evidence, or where to look (page, paragraph, timestamp)"
        error={problems.fields.locator}
      >
        {(described) => (
          <Input
            id={`${id}-locator`}
            value={draft.locator}
            onChange={(event) => setDraft({ ...draft, locator: event.target.value })}
            {...described}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        {onCancel ? (
          <Button onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
