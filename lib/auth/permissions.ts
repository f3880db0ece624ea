// Who may do what. Roles are ordered: each includes every permission of the roles before it. The data layer
// checks these on every write (requirePermission); pages and buttons use the same table only to hide what
// would be refused anyway.
import { Role } from "@/lib/generated/prisma/enums.ts";

const RANK: Record<Role, number> = { VIEWER: 0, ANALYST: 1, REVIEWER: 2, ADMIN: 3 };

export const ROLE_LABELS: Record<Role, string> = {
  VIEWER: "Viewer",
  ANALYST: "Analyst",
  REVIEWER: "Reviewer",
  ADMIN: "Admin",
};

export const ROLES = Object.values(Role);

/** The least role that holds each permission. */
export const PERMISSIONS = {
  /** Annotation threads, reviewer verdicts and a claim's history are for signed-in users only. */
  "annotations.read": Role.VIEWER,
  "claims.export": Role.ANALYST,
  "savedViews.manage": Role.ANALYST,
  /** Renaming, unsharing or deleting a view someone else saved. */
  "savedViews.manageAny": Role.ADMIN,
  "annotations.write": Role.REVIEWER,
  /** Status, verdict and taking a claim into one's own queue. */
  "claims.review": Role.REVIEWER,
  /** Assigning claims to someone else, settling any disagreement. */
  "claims.assignOthers": Role.ADMIN,
  /** Importing reports, and seeing drafts (imports not yet published). */
  "documents.import": Role.REVIEWER,
  /** Publishing a draft: its claims join the claims table, the Overview, exports and the API. */
  "documents.publish": Role.ADMIN,
  "catalog.edit": Role.ADMIN,
  "users.manage": Role.ADMIN,
  "audit.read": Role.ADMIN,
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

/** The signed-in person as the app sees them: read from the database on every request. */
export interface Actor {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export function hasRole(actor: Pick<Actor, "role"> | null, least: Role): boolean {
  return actor !== null && RANK[actor.role] >= RANK[least];
}

export function can(actor: Pick<Actor, "role"> | null, permission: Permission): boolean {
  return hasRole(actor, PERMISSIONS[permission]);
}

/** Thrown by the data layer; actions turn it into a message, route handlers into 401/403. */
export class AuthorizationError extends Error {
  constructor(
    readonly reason: "signed-out" | "forbidden",
    message = reason === "signed-out" ? "Sign in to do this." : "Your role does not allow this.",
  ) {
    super(message);
    this.name = "AuthorizationError";
  }
}

export function requirePermission(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AuthorizationError("signed-out");
  if (!can(actor, permission)) throw new AuthorizationError("forbidden");
}
