// A claim's audit trail as sentences: who did what and when, with each changed field's before and after.
import type { ClaimHistoryEvent } from "@/lib/data/review";
import { labelOf, REVIEW_STATUS_OPTIONS, SOURCE_KIND_OPTIONS, VERDICT_OPTIONS } from "@/lib/domain/options";
import { formatDateTime } from "@/lib/format";
import type { ReviewStatus, SourceKind, Verdict } from "@/lib/generated/prisma/enums.ts";

type Json = ClaimHistoryEvent["after"];
type Fields = Record<string, Json>;

const FIELD_LABELS: Record<string, string> = {
  body: "Text",
  verdict: "Verdict",
  status: "Status",
  evidenceLocator: "Quote or locator",
  evidenceSourceId: "Evidence source (id)",
  assignee: "Assignee",
  resolvedAt: "Resolved",
  deletedAt: "Deleted",
  verdictSettledAt: "Settled",
  title: "Title",
  publisher: "Publisher",
  url: "URL",
  kind: "Kind",
};

/** A change shows this much of a long text; the full text stays in the audit log. */
const TEXT_PREVIEW = 280;

function fieldsOf(value: Json): Fields {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {};
}

function show(key: string, value: Json | undefined): string {
  if (value === null || value === undefined || value === "") return "none";
  if (key === "verdict") return labelOf(VERDICT_OPTIONS, value as Verdict);
  if (key === "status") return labelOf(REVIEW_STATUS_OPTIONS, value as ReviewStatus);
  if (key === "kind") return labelOf(SOURCE_KIND_OPTIONS, value as SourceKind);
  if (key.endsWith("At") && typeof value === "string") return formatDateTime(new Date(value));
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > TEXT_PREVIEW ? `${text.slice(0, TEXT_PREVIEW)}…` : text;
}

function summary(event: ClaimHistoryEvent): string {
  const before = fieldsOf(event.before);
  const after = fieldsOf(event.after);
  const verdict = after.verdict ? ` with the verdict ${show("verdict", after.verdict)}` : "";
  switch (event.action) {
    case "annotation.create":
      return after.parentId ? `replied in a thread${verdict}` : `added a note${verdict}`;
    case "annotation.edit":
      return "edited a note";
    case "annotation.delete":
      return "deleted a note";
    case "annotation.resolve":
      return "resolved a thread";
    case "annotation.reopen":
      return "reopened a thread";
    case "claim.status":
      return `changed the status from ${show("status", before.status)} to ${show("status", after.status)}`;
    case "claim.verdict":
      return `gave the verdict reviewers agree on: ${show("verdict", after.verdict)}`;
    case "claim.settle":
      return `settled the verdict as ${show("verdict", after.verdict)}`;
    case "claim.assign":
      if (after.assignee === null) return `released the claim from ${show("assignee", before.assignee)}`;
      return `assigned the claim to ${show("assignee", after.assignee)}`;
    case "source.create":
      return `added the source “${show("title", after.title)}” as evidence`;
    default:
      return event.action;
  }
}

/** Actions whose sentence already says what changed. */
const SELF_DESCRIBED = new Set(["claim.status", "claim.assign", "annotation.resolve", "annotation.reopen"]);

function changes(event: ClaimHistoryEvent): { key: string; before: string | null; after: string }[] {
  if (SELF_DESCRIBED.has(event.action)) return [];
  const before = fieldsOf(event.before);
  const after = fieldsOf(event.after);
  const created = event.before === null;
  return Object.keys(FIELD_LABELS)
    .filter((key) => key in after && (created || JSON.stringify(before[key]) !== JSON.stringify(after[key])))
    .filter((key) => !(created && (after[key] === null || after[key] === "")))
    .map((key) => ({ key, before: created ? null : show(key, before[key]), after: show(key, after[key]) }));
}

function reviewerVerdicts(event: ClaimHistoryEvent): string | null {
  const list = fieldsOf(event.after).reviewerVerdicts;
  if (!Array.isArray(list) || list.length === 0) return null;
  return list
    .map((entry) => {
      const { reviewer, verdict } = fieldsOf(entry);
      return `${String(reviewer)}: ${show("verdict", verdict)}`;
    })
    .join("; ");
}

export function ClaimHistory({ events, total }: { events: ClaimHistoryEvent[]; total: number }) {
  if (events.length === 0) {
    return <p className="text-sm text-muted-foreground">No changes yet: nobody has reviewed this claim.</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      <ol aria-label="Changes, newest first" className="flex flex-col gap-3">
        {events.map((event) => {
          const said = reviewerVerdicts(event);
          const fields = changes(event);
          return (
            <li key={event.id} className="border-l-2 pl-3 text-sm">
              <p>
                <span className="font-medium">{event.actor?.name ?? "The system"}</span> {summary(event)}
                {event.targetType === "annotation" ? (
                  <>
                    {" "}
                    (
                    <a
                      href={`#annotation-${event.targetId}`}
                      className="text-brand underline underline-offset-2"
                    >
                      note {event.targetId}
                    </a>
                    )
                  </>
                ) : null}
              </p>
              <p className="text-xs text-muted-foreground">
                <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time>
              </p>
              {said ? <p className="mt-1 text-xs text-muted-foreground">Reviewers had said: {said}</p> : null}
              {fields.length > 0 ? (
                <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
                  {fields.map((field) => (
                    <div key={field.key} className="contents">
                      <dt className="text-muted-foreground">{FIELD_LABELS[field.key]}</dt>
                      <dd className="break-words whitespace-pre-wrap">
                        {field.before === null ? (
                          field.after
                        ) : (
                          <>
                            <del className="text-muted-foreground">{field.before}</del>
                            <span aria-hidden> → </span>
                            <span className="sr-only"> changed to </span>
                            <ins className="no-underline">{field.after}</ins>
                          </>
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          );
        })}
      </ol>
      {total > events.length ? (
        <p className="text-xs text-muted-foreground">
          The {events.length} latest of {total} changes; admins see all of them in the audit log.
        </p>
      ) : null}
    </div>
  );
}
