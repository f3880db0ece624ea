import Link from "next/link";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTablePastLastPage } from "@/components/data-table/data-table-past-last-page";
import { ToneBadge } from "@/components/ui/tone-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { AuditEventRow, AuditTargetType } from "@/lib/data/audit";
import type { Paged } from "@/lib/data/list-params";
import { diffAuditValues, formatAuditValue } from "@/lib/domain/audit-diff";
import { formatDateTime } from "@/lib/format";
import { serializeAuditQuery, type AuditQuery } from "@/lib/validations/audit";
import { TARGET_LABELS, targetHref } from "./audit-labels";

function auditHref(query: AuditQuery, page: number): string {
  const search = serializeAuditQuery({ ...query, page }).toString();
  return search ? `/admin/audit?${search}` : "/admin/audit";
}

/** Account events carry the email on both sides, so the log can name the account even after it is renamed. */
function emailOf(event: AuditEventRow): string | null {
  for (const side of [event.after, event.before]) {
    if (side && typeof side === "object" && !Array.isArray(side) && typeof side.email === "string")
      return side.email;
  }
  return null;
}

export async function AuditEventList({
  events,
  query,
}: {
  events: Promise<Paged<AuditEventRow>>;
  query: AuditQuery;
}) {
  const { rows, total, pageCount, page, size } = await events;
  if (total === 0) {
    return (
      <EmptyState title="No event matches">
        Nothing was recorded with these filters.{" "}
        <Link href="/admin/audit" className="font-medium text-brand underline-offset-4 hover:underline">
          See every event
        </Link>
        .
      </EmptyState>
    );
  }
  if (rows.length === 0) {
    return <DataTablePastLastPage page={page} pageCount={pageCount} lastHref={auditHref(query, pageCount)} />;
  }
  return (
    <div className="flex flex-col gap-4">
      <ol aria-label="Audit events, newest first" className="flex flex-col gap-3">
        {rows.map((event) => (
          <li key={event.id}>
            <AuditEventCard event={event} />
          </li>
        ))}
      </ol>
      <DataTablePagination
        page={page}
        pageCount={pageCount}
        total={total}
        size={size}
        hrefFor={(next) => auditHref(query, next)}
        noun={total === 1 ? "event" : "events"}
      />
    </div>
  );
}

function AuditEventCard({ event }: { event: AuditEventRow }) {
  const email = emailOf(event);
  const href = targetHref({ ...event, email });
  const label = TARGET_LABELS[event.targetType as AuditTargetType] ?? event.targetType;
  const target = `${label} ${event.targetType === "user" && email ? email : `#${event.targetId}`}`;
  const changes = diffAuditValues(event.before, event.after);
  return (
    <Card className="overflow-hidden" data-testid="audit-event">
      <article aria-label={`${event.action} on ${target}`}>
        <header className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-4 py-3 text-sm sm:px-5">
          <ToneBadge tone="brand">
            <code>{event.action}</code>
          </ToneBadge>
          {href ? (
            <Link href={href} className="font-medium text-brand underline-offset-4 hover:underline">
              {target}
            </Link>
          ) : (
            <span className="font-medium">{target}</span>
          )}
          <span className="text-muted-foreground">
            by {event.actor ? `${event.actor.name} (${event.actor.email})` : "the command line"}
          </span>
          <time dateTime={event.at.toISOString()} className="text-muted-foreground sm:ml-auto">
            {formatDateTime(event.at)}
          </time>
        </header>
        {changes.length ? (
          <div className="overflow-x-auto border-t">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Fields changed</caption>
              <thead className="bg-muted/60 text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium sm:px-5">
                    Field
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Before
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    After
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {changes.map((change) => (
                  <tr key={change.field} className="align-top">
                    <th scope="row" className="px-4 py-2 font-medium whitespace-nowrap sm:px-5">
                      {change.field}
                    </th>
                    <td className="px-4 py-2 break-words whitespace-pre-wrap text-muted-foreground">
                      {formatAuditValue(change.before)}
                    </td>
                    <td className="px-4 py-2 break-words whitespace-pre-wrap">
                      {formatAuditValue(change.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </article>
    </Card>
  );
}

export function AuditEventListSkeleton() {
  return (
    <div role="status" className="flex flex-col gap-3">
      <span className="sr-only">Loading events…</span>
      {Array.from({ length: 5 }, (_, index) => (
        <Card key={index} className="flex flex-col gap-3 p-4">
          <div className="flex gap-3">
            <Skeleton className="h-5 w-28 rounded-full" />
            <Skeleton className="h-5 w-32" />
            <Skeleton className="ml-auto h-5 w-36" />
          </div>
          <Skeleton className="h-12 w-full" />
        </Card>
      ))}
    </div>
  );
}
