// The audit trail. Every write calls recordAudit inside its own transaction, so a change and its event are
// committed together or not at all.
import type { Prisma as PrismaNamespace } from "@/lib/generated/prisma/client.ts";
import type { Tx } from "@/lib/prisma-client";

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

export interface AuditEntry {
  /** Null for the command line and the importer. */
  actorId: number | null;
  action: AuditAction;
  targetType: "claim" | "annotation" | "entity" | "source" | "savedView" | "user";
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
