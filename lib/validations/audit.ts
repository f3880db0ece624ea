// The /admin/audit URL: which events to show. Malformed values fall back to "no filter", so a mangled link still
// opens the log.
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from "@/lib/data/audit";
import {
  calendarDay,
  firstParam,
  parseOption,
  parsePage,
  positiveInt,
  type SearchParams,
} from "@/lib/validations/url-params";

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

export function parseAuditQuery(params: SearchParams): AuditQuery {
  return {
    actorId: positiveInt(firstParam(params, "actor")),
    action: parseOption(AUDIT_ACTIONS, firstParam(params, "action")),
    targetType: parseOption(AUDIT_TARGET_TYPES, firstParam(params, "target")),
    claimId: positiveInt(firstParam(params, "claim")),
    from: calendarDay(firstParam(params, "from")),
    to: calendarDay(firstParam(params, "to")),
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
