// The one shape of a server action, in the spirit of dub's authenticated action client: find out who is asking, check
// their role, parse the input once with the schema its form shares, run the data layer's write, make the pages stale,
// and answer an ActionResult. An action file only declares these; what a write does lives in lib/data, under the same
// name (lib/actions/annotations.ts:createAnnotation runs lib/data/annotations.ts:createAnnotation), so that one
// operation has one name whichever layer you read it in.
import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth";
import { requirePermission, type Actor, type Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/prisma-client";
import { toActionResult, type ActionResult } from "./result";

/**
 * What a write makes stale, one rule for every action. Nothing is cached on the server: every page renders per
 * request (the root layout reads the request's CSP nonce, which makes every page dynamic). What goes stale is what
 * the browser kept: the page the form is on, and the pages of its back/forward cache (after a note changes a claim's
 * verdict: /claims, the Overview, the sector and entity pages that count verdicts, the queue). A write can change
 * what almost any page shows, so the rule is "every page", kept in one of two ways:
 *
 * - "in the answer" (the default): revalidatePath("/", "layout") re-renders the page the form was posted from into
 *   the action's answer and tells the browser to drop every other page it kept. Naming only /claims would not spare
 *   that render: Next 16 re-renders the posting page into the answer whichever path is revalidated (its revalidate.ts:
 *   "TODO: only revalidate if the path matches"), and its browser router drops every kept page either way.
 *   revalidateTag(tag, "max") spares the render, but it only expires data cached under that tag, and we cache none.
 * - "by the form": the action revalidates nothing and its form calls router.refresh() once the answer is in, which
 *   reads the page again and drops the browser's other pages just the same. The review thread does this: rendering
 *   the claim page into each note's answer made a burst of saves wait for each other's renders (scripts/bench/note-saves.ts
 *   measures such a burst, reported by `npm run bench` as "Note saves under load"), and a person wants "saved" as
 *   soon as it is written.
 */
type Refresh = "in the answer" | "by the form";

export function serverAction<Schema extends z.ZodType, T>({
  permission,
  schema,
  write,
  refresh = "in the answer",
}: {
  /** The least permission the write needs; the data layer checks it again, with anything finer (authors, owners). */
  permission: Permission;
  /** The mutation's one schema, shared with its form. */
  schema: Schema;
  write: (db: Prisma, actor: Actor, input: z.output<Schema>) => Promise<T>;
  refresh?: Refresh;
}): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  // The argument comes from the browser: its type is what the form sends, not a promise that it did.
  return async (input) =>
    // Finding out who is asking reads the database too, so it runs inside the same error handling as the write: a
    // database that cannot be reached then answers like every other failure instead of throwing to the browser.
    toActionResult(async () => {
      const actor = await getCurrentUser();
      // Who is asking before what they sent: a role that cannot do this learns that, not which fields were wrong.
      requirePermission(actor, permission);
      const saved = await write(getDb(), actor, schema.parse(input));
      if (refresh === "in the answer") revalidatePath("/", "layout");
      return saved;
    });
}
