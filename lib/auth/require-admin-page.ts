// The gate of every /admin page: anonymous visitors go to sign-in and come back; signed-in people without the
// permission get the same answer as for a page that does not exist (see ../not-found.tsx).
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";

export async function requireAdminPage(path: string, permission: Permission): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: path })}`);
  if (!can(actor, permission)) notFound();
  return actor;
}
