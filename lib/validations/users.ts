// Account input, shared by the admin forms, their actions and `npm run user:create`.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import {
  cleanQuery,
  firstParam,
  MAX_INT4,
  parseOption,
  parsePage,
  parsePageSize,
  type SearchParams,
} from "@/lib/validations/url-params";
import { Role } from "@/lib/generated/prisma/enums.ts";
import { emailSchema, singleLine } from "./text";

export const passwordSchema = z
  .string({ error: "Password is required." })
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`);

export const roleSchema = z.enum(Role, { error: "Choose a role: viewer, analyst, reviewer or admin." });

export const createUserSchema = z.object({
  email: emailSchema,
  name: singleLine("Name", 100),
  password: passwordSchema,
  role: roleSchema,
});

export type CreateUserData = z.output<typeof createUserSchema>;

export const signInSchema = z.object({
  // Not emailSchema: a malformed address must fail like a wrong password, without saying which was wrong.
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});

/** A record id or version as it arrives from a form: a positive whole number, nothing else. */
export const recordIdSchema = z.coerce
  .number({ error: "This record reference is not valid." })
  .int("This record reference is not valid.")
  .positive("This record reference is not valid.")
  .max(MAX_INT4, "This record reference is not valid.");

/** The account an admin acts on, with the version their form was opened at. */
const accountRef = { id: recordIdSchema, version: recordIdSchema };

export const changeUserRoleSchema = z.object({ ...accountRef, role: roleSchema });
export const updateUserSchema = z.object({ ...accountRef, name: singleLine("Name", 100) });
/** Disabling and enabling take the same reference. */
export const userRefSchema = z.object(accountRef);

export type ChangeUserRoleData = z.output<typeof changeUserRoleSchema>;
export type UpdateUserData = z.output<typeof updateUserSchema>;
export type UserRefData = z.output<typeof userRefSchema>;

export const USER_STATUSES = ["active", "disabled"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface UserListQuery {
  /** Part of a name or an email, any case. */
  q: string;
  role: Role | null;
  status: UserStatus | null;
  page: number;
  size: number;
}

/** The /admin/users URL: malformed values fall back to defaults, so a mangled link still opens the list. */
export function parseUserListQuery(params: SearchParams): UserListQuery {
  return {
    q: cleanQuery(firstParam(params, "q")),
    role: parseOption(Object.values(Role), firstParam(params, "role")),
    status: parseOption(USER_STATUSES, firstParam(params, "status")),
    page: parsePage(firstParam(params, "page")),
    size: parsePageSize(firstParam(params, "size")),
  };
}
