// The audit trail. Every write calls recordAudit inside its own transaction, so a change and its event are
// committed together or not at all.
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import type { Prisma as PrismaNamespace } from "@/lib/generated/prisma/client.ts";
import type { Prisma, Tx } from "@/lib/prisma-client";
import type { AuditQuery } from "@/lib/validations/audit";
import { pagedOf, type Paged } from "@/lib/data/paged";

export const AUDIT_ACTIONS = [
  "annotation.create",
  "annotation.edit",
  "annotation.delete",
  "annotation.resolve",
  "annotation.reopen",
  "claim.status",
  "claim.verdict",
  "claim.settle",
  "claim.assign",
  "claim.edit",
  "document.publish",
  "entity.edit",
  "source.create",
  "source.edit",
  "savedView.create",
  "savedView.edit",
  "savedView.delete",
  "user.create",
  "user.role",
  "user.disable",
  "user.enable",
  "user.edit",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_TYPES = [
  "claim",
  "annotation",
  "document",
  "entity",
  "source",
  "savedView",
  "user",
] as const;

export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export interface AuditEntry {
  /** Null for the command line and the importer. */
  actorId: number | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: number | string;
  claimId?: number | null;
  /** Only the fields the change touched, never a password hash. */
  before?: PrismaNamespace.InputJsonValue | null;
  after?: PrismaNamespace.InputJsonValue | null;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: String(entry.targetId),
      claimId: entry.claimId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventRow {
  id: number;
  at: Date;
  /** Null for the command line and the importer. */
  actor: { id: number; name: string; email: string } | null;
  action: string;
  targetType: string;
  targetId: string;
  claimId: number | null;
  before: PrismaNamespace.JsonValue;
  after: PrismaNamespace.JsonValue;
}

/** The whole trail for admins, newest first, filtered and paged in the database. */
export async function getAuditEvents(
  db: Prisma,
  actor: Actor | null,
  query: AuditQuery,
): Promise<Paged<AuditEventRow>> {
  requirePermission(actor, "audit.read");
  const where: PrismaNamespace.AuditEventWhereInput = {
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.claimId ? { claimId: query.claimId } : {}),
    ...(query.from || query.to
      ? {
          at: {
            ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
            ...(query.to ? { lt: nextDay(query.to) } : {}),
          },
        }
      : {}),
  };
  const window = { page: query.page, size: AUDIT_PAGE_SIZE };
  const [rows, total] = await db.$transaction([
    db.auditEvent.findMany({
      where,
      select: {
        id: true,
        at: true,
        actor: { select: { id: true, name: true, email: true } },
        action: true,
        targetType: true,
        targetId: true,
        claimId: true,
        before: true,
        after: true,
      },
      // Events written in one millisecond keep the order they were written in.
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (window.page - 1) * window.size,
      take: window.size,
    }),
    db.auditEvent.count({ where }),
  ]);
  return pagedOf(rows, total, window);
}

/** Everyone who has changed something, for the log's "who" filter. */
export async function getAuditActors(
  db: Prisma,
  actor: Actor | null,
): Promise<{ id: number; name: string; email: string }[]> {
  requirePermission(actor, "audit.read");
  return db.user.findMany({
    where: { auditEvents: { some: {} } },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

function nextDay(day: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date;
}
