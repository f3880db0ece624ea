import Link from "next/link";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTablePastLastPage } from "@/components/data-table/data-table-past-last-page";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { listHref } from "@/components/data-table/list-href";
import { ToneBadge } from "@/components/ui/tone-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { DEFAULT_PAGE_SIZE, type Paged } from "@/lib/data/list-params";
import type { AccountRow } from "@/lib/data/users";
import { formatDate } from "@/lib/format";
import type { UserListQuery } from "@/lib/validations/users";
import { UserRowActions } from "./user-row-actions";

function usersHref(query: UserListQuery, page: number): string {
  return listHref("/admin/users", {
    q: query.q,
    role: query.role,
    status: query.status,
    size: query.size === DEFAULT_PAGE_SIZE ? null : query.size,
    page: page === 1 ? null : page,
  });
}

export async function UserTable({
  users,
  query,
  actorId,
}: {
  users: Promise<Paged<AccountRow>>;
  query: UserListQuery;
  actorId: number;
}) {
  const { rows, total, pageCount, page, size } = await users;
  if (total === 0) {
    return (
      <EmptyState title="No account matches">
        Nobody matches these filters.{" "}
        <Link href="/admin/users" className="font-medium text-brand underline-offset-4 hover:underline">
          See every account
        </Link>
        .
      </EmptyState>
    );
  }
  if (rows.length === 0) {
    return <DataTablePastLastPage page={page} pageCount={pageCount} lastHref={usersHref(query, pageCount)} />;
  }
  return (
    <div className="flex flex-col gap-4">
      <ul aria-label="Accounts, by name" className="flex flex-col gap-2">
        {rows.map((user) => (
          <li key={user.id} data-testid={`user-${user.email}`}>
            <Card className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="flex min-w-0 flex-col gap-1">
                <p className="font-medium">
                  {user.name}
                  {user.id === actorId ? <span className="text-muted-foreground"> (you)</span> : null}
                </p>
                <p className="text-sm break-all text-muted-foreground">{user.email}</p>
                <div
                  role="group"
                  aria-label="Role and status"
                  className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground"
                >
                  <ToneBadge tone={user.role === "ADMIN" ? "brand" : "neutral"}>
                    {ROLE_LABELS[user.role]}
                  </ToneBadge>
                  {user.disabledAt ? <ToneBadge tone="negative">Disabled</ToneBadge> : null}
                  <span>
                    since <time dateTime={user.createdAt.toISOString()}>{formatDate(user.createdAt)}</time>
                  </span>
                </div>
              </div>
              <UserRowActions
                user={{
                  id: user.id,
                  name: user.name,
                  email: user.email,
                  role: user.role,
                  disabled: user.disabledAt !== null,
                  version: user.version,
                }}
              />
            </Card>
          </li>
        ))}
      </ul>
      <DataTablePagination
        page={page}
        pageCount={pageCount}
        total={total}
        size={size}
        hrefFor={(next) => usersHref(query, next)}
        noun={total === 1 ? "account" : "accounts"}
      />
    </div>
  );
}

export function UserTableSkeleton() {
  return (
    <DataTableSkeleton
      label="Loading accounts…"
      rowCount={8}
      columns={[
        { header: "w-16", cell: "w-56 grow", lines: 2 },
        { header: "w-10", cell: "w-16" },
        { header: "w-14", cell: "w-20" },
      ]}
    />
  );
}
