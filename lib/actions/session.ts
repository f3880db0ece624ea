// What every server action does before its data-layer call: find out who is asking. Authorisation and input
// validation happen in the data layer, which the command line and tests call too.
import "server-only";
import { getCurrentUser } from "@/lib/auth";
import type { Actor } from "@/lib/auth/permissions";
import { AuthorizationError } from "@/lib/auth/permissions";

/** The signed-in person; throws the signed-out error (a message, through toActionResult) otherwise. */
export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) throw new AuthorizationError("signed-out");
  return actor;
}
