// The /admin/audit URL: which events to show. Malformed values fall back to "no filter", so a mangled link still
// opens the log.
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from "@/lib/data/audit";
import { firstParam, parseOption, parsePage, type SearchParams } from "@/lib/data/list-params";

const MAX_INT4 = 2_147_483_647;

export interface AuditQuery {
  actorId: number | null;
  action: AuditAction | null;
  targetType: AuditTargetType | null;
  claimId: number | null;
  /** First day shown, from 00:00 UTC. */
  from: string | null;
  /** Last day shown, to 24:00 UTC. */
  to: string | null;
  page: number;
}

function recordId(value: string | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return id >= 1 && id <= MAX_INT4 ? id : null;
}

/** A real calendar day as YYYY-MM-DD (2026-02-30 is not one). */
function day(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

export function parseAuditQuery(params: SearchParams): AuditQuery {
  return {
    actorId: recordId(firstParam(params, "actor")),
    action: parseOption(AUDIT_ACTIONS, firstParam(params, "action")),
    targetType: parseOption(AUDIT_TARGET_TYPES, firstParam(params, "target")),
    claimId: recordId(firstParam(params, "claim")),
    from: day(firstParam(params, "from")),
    to: day(firstParam(params, "to")),
    page: parsePage(firstParam(params, "page")),
  };
}

/** The URL form, leaving out what is not set. */
export function serializeAuditQuery(query: AuditQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.actorId) params.set("actor", String(query.actorId));
  if (query.action) params.set("action", query.action);
  if (query.targetType) params.set("target", query.targetType);
  if (query.claimId) params.set("claim", String(query.claimId));
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.page !== 1) params.set("page", String(query.page));
  return params;
}
