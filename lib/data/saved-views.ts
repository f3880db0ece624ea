// Saved views of the claims table. Analysts and above keep their own; shared ones are listed for the whole team,
// and only their owner or an admin changes them. Writes authorise here, and take input their action already parsed
// (lib/validations/saved-views.ts).
import "server-only";
import { AuthorizationError, can, requirePermission, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/data/audit";
import { InvalidStateError, NotFoundError, StaleVersionError } from "@/lib/data/errors";
import { Prisma as PrismaNamespace } from "@/lib/generated/prisma/client.ts";
import type { Prisma, Tx } from "@/lib/prisma-client";
import type {
  CreateSavedViewData,
  DeleteSavedViewData,
  RenameSavedViewData,
  ShareSavedViewData,
} from "@/lib/validations/saved-views";

export interface SavedViewItem {
  id: number;
  name: string;
  /** The claims table's query string, canonical (see normalizeViewQuery). */
  query: string;
  shared: boolean;
  version: number;
  owner: { id: number; name: string };
  /** Whether the person reading may rename, share or delete it. */
  canManage: boolean;
}

const VIEW_FIELDS = {
  id: true,
  name: true,
  query: true,
  shared: true,
  version: true,
  owner: { select: { id: true, name: true } },
} as const;

type ViewRecord = Omit<SavedViewItem, "canManage">;

function canManage(actor: Actor, view: { owner: { id: number } }): boolean {
  return view.owner.id === actor.id || can(actor, "savedViews.manageAny");
}

function item(actor: Actor, view: ViewRecord): SavedViewItem {
  return { ...view, canManage: canManage(actor, view) };
}

/** The reader's own views, then the ones others share, each group by name. */
export async function getSavedViews(db: Prisma, actor: Actor | null): Promise<SavedViewItem[]> {
  requirePermission(actor, "savedViews.manage");
  const views = await db.savedView.findMany({
    where: { OR: [{ ownerId: actor.id }, { shared: true }] },
    select: VIEW_FIELDS,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const mine = views.filter((view) => view.owner.id === actor.id);
  const others = views.filter((view) => view.owner.id !== actor.id);
  return [...mine, ...others].map((view) => item(actor, view));
}

export async function createSavedView(
  db: Prisma,
  actor: Actor | null,
  { name, query, shared }: CreateSavedViewData,
): Promise<SavedViewItem> {
  requirePermission(actor, "savedViews.manage");
  return db.$transaction(async (tx) => {
    await refuseDuplicateName(tx, actor.id, name);
    const view = await tx.savedView
      .create({ data: { ownerId: actor.id, name, query, shared }, select: VIEW_FIELDS })
      .catch(duplicateNameError(name));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "savedView.create",
      targetType: "savedView",
      targetId: view.id,
      after: { name, query, shared },
    });
    return item(actor, view);
  });
}

export async function renameSavedView(
  db: Prisma,
  actor: Actor | null,
  { id, version, name }: RenameSavedViewData,
): Promise<SavedViewItem> {
  requirePermission(actor, "savedViews.manage");
  return changeView(db, actor, id, version, async (tx, current) => {
    if (current.name === name) return null;
    await refuseDuplicateName(tx, current.owner.id, name);
    return { data: { name }, before: { name: current.name }, after: { name } };
  });
}

export async function shareSavedView(
  db: Prisma,
  actor: Actor | null,
  { id, version, shared }: ShareSavedViewData,
): Promise<SavedViewItem> {
  requirePermission(actor, "savedViews.manage");
  return changeView(db, actor, id, version, async (_tx, current) =>
    current.shared === shared
      ? null
      : { data: { shared }, before: { shared: current.shared }, after: { shared } },
  );
}

export async function deleteSavedView(
  db: Prisma,
  actor: Actor | null,
  { id, version }: DeleteSavedViewData,
): Promise<{ id: number }> {
  requirePermission(actor, "savedViews.manage");
  return db.$transaction(async (tx) => {
    const current = await lockView(tx, actor, id, version);
    await tx.savedView.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "savedView.delete",
      targetType: "savedView",
      targetId: id,
      before: { name: current.name, query: current.query, shared: current.shared, ownerId: current.owner.id },
    });
    return { id };
  });
}

/**
 * The view as it is now, locked for this transaction. Someone else's private view answers "not found", as if it
 * did not exist, to anyone but an admin.
 */
async function lockView(tx: Tx, actor: Actor, id: number, version: number): Promise<ViewRecord> {
  await tx.$queryRaw`SELECT id FROM "SavedView" WHERE id = ${id} FOR UPDATE`;
  const current = await tx.savedView.findUnique({ where: { id }, select: VIEW_FIELDS });
  if (!current || (!current.shared && !canManage(actor, current))) throw new NotFoundError("view");
  if (!canManage(actor, current)) {
    throw new AuthorizationError(
      "forbidden",
      "Only the person who saved this view, or an admin, can change it.",
    );
  }
  if (current.version !== version) throw new StaleVersionError("view");
  return current;
}

async function changeView(
  db: Prisma,
  actor: Actor,
  id: number,
  version: number,
  decide: (
    tx: Tx,
    current: ViewRecord,
  ) => Promise<{
    data: PrismaNamespace.SavedViewUpdateInput;
    before: PrismaNamespace.InputJsonObject;
    after: PrismaNamespace.InputJsonObject;
  } | null>,
): Promise<SavedViewItem> {
  return db.$transaction(async (tx) => {
    const current = await lockView(tx, actor, id, version);
    const change = await decide(tx, current);
    if (!change) return item(actor, current);
    const view = await tx.savedView
      .update({ where: { id }, data: { ...change.data, version: { increment: 1 } }, select: VIEW_FIELDS })
      .catch(duplicateNameError(typeof change.after.name === "string" ? change.after.name : current.name));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "savedView.edit",
      targetType: "savedView",
      targetId: id,
      before: change.before,
      after: change.after,
    });
    return item(actor, view);
  });
}

function duplicateName(name: string): InvalidStateError {
  return new InvalidStateError(`There is already a view named “${name}”. Choose another name.`);
}

/** Names are unique per owner (the schema says so too); this gives the person a message instead of a crash. */
async function refuseDuplicateName(tx: Tx, ownerId: number, name: string): Promise<void> {
  const existing = await tx.savedView.findUnique({
    where: { ownerId_name: { ownerId, name } },
    select: { id: true },
  });
  if (existing) throw duplicateName(name);
}

/** The same message when another request took the name between the check and the write. */
function duplicateNameError(name: string) {
  return (error: unknown): never => {
    if (error instanceof PrismaNamespace.PrismaClientKnownRequestError && error.code === "P2002") {
      throw duplicateName(name);
    }
    throw error;
  };
}
