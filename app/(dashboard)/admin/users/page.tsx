import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { awaitedLater } from "@/lib/data/awaited-later";
import { getUsers } from "@/lib/data/users";
import { getDb } from "@/lib/db";
import { parseUserListQuery } from "@/lib/validations/users";
import type { SearchParams } from "@/lib/data/list-params";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { CreateUserForm } from "./_components/create-user-form";
import { UserSearchForm } from "./_components/user-search-form";
import { UserTable, UserTableSkeleton } from "./_components/user-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdminPage("/admin/users", "users.manage");
  const query = parseUserListQuery(await searchParams);
  const users = awaitedLater(getUsers(getDb(), actor, query));
  return (
    <>
      <PageHeader title="Users">
        Create accounts, change roles and disable accounts. A change applies at the person&apos;s next page
        load; a disabled account is signed out there.
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="flex min-w-0 flex-col gap-5">
          <UserSearchForm query={query} />
          <Suspense key={JSON.stringify(query)} fallback={<UserTableSkeleton />}>
            <UserTable users={users} query={query} actorId={actor.id} />
          </Suspense>
        </div>
        <CreateUserForm />
      </div>
    </>
  );
}
