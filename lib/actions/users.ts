"use server";
// Admin changes to accounts, from /admin/users.
import { serverAction } from "@/lib/actions/action";
import * as users from "@/lib/data/users";
import {
  changeUserRoleSchema,
  createUserSchema,
  updateUserSchema,
  userRefSchema,
} from "@/lib/validations/users";

export const createUser = serverAction({
  permission: "users.manage",
  schema: createUserSchema,
  write: users.createUser,
});

export const changeUserRole = serverAction({
  permission: "users.manage",
  schema: changeUserRoleSchema,
  write: users.changeUserRole,
});

export const disableUser = serverAction({
  permission: "users.manage",
  schema: userRefSchema,
  write: users.disableUser,
});

export const enableUser = serverAction({
  permission: "users.manage",
  schema: userRefSchema,
  write: users.enableUser,
});

export const updateUser = serverAction({
  permission: "users.manage",
  schema: updateUserSchema,
  write: users.updateUser,
});
