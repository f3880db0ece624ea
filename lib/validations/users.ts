// Account input, shared by the admin forms, their actions and `npm run user:create`.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
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

export type CreateUserInput = z.infer<typeof createUserSchema>;

export const signInSchema = z.object({
  // Not emailSchema: a malformed address must fail like a wrong password, without saying which was wrong.
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});
