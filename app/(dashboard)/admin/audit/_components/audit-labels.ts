import type { AuditTargetType } from "@/lib/data/audit";

export const TARGET_LABELS: Record<AuditTargetType, string> = {
  claim: "Claim",
  annotation: "Annotation",
  document: "Document",
  entity: "Entity",
  source: "Source",
  savedView: "Saved view",
  user: "Account",
};

/** Where the changed record lives, when it has a page; saved views and deleted notes have none of their own. */
export function targetHref(event: {
  targetType: string;
  targetId: string;
  claimId: number | null;
  email: string | null;
}): string | null {
  switch (event.targetType) {
    case "claim":
      return `/claims/${event.targetId}`;
    case "annotation":
      return event.claimId ? `/claims/${event.claimId}#annotation-${event.targetId}` : null;
    case "document":
      return `/documents/${event.targetId}`;
    case "entity":
      return `/entities/${event.targetId}`;
    case "source":
      return `/sources/${event.targetId}`;
    case "user":
      return event.email ? `/admin/users?${new URLSearchParams({ q: event.email })}` : null;
    default:
      return null;
  }
}
