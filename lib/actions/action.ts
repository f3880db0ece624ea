// The one shape of a server action: find out who is asking, run the change (the data layer authorises, validates,
// writes and audits it), re-render what it touched, and answer an ActionResult. Finding out who is asking reads the
// database too, so it runs inside the same error handling as the change: a database that cannot be reached then
// answers like every other failure instead of throwing to the browser.
import "server-only";
import { getCurrentUser } from "@/lib/auth";
import { AuthorizationError, type Actor } from "@/lib/auth/permissions";
import { toActionResult, type ActionResult } from "./result";

/**
 * `revalidate` names what the change makes stale. An action whose form refreshes its page itself once it has the
 * answer leaves it out: revalidating here would render the whole page into the answer, which then waits for it.
 */
export function runAction<T>(
  change: (actor: Actor) => Promise<T>,
  { revalidate }: { revalidate?: (saved: T) => void } = {},
): Promise<ActionResult<T>> {
  return toActionResult(async () => {
    const actor = await getCurrentUser();
    if (!actor) throw new AuthorizationError("signed-out");
    const saved = await change(actor);
    revalidate?.(saved);
    return saved;
  });
}
