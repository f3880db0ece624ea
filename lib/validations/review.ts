// Input of the review workflow's mutations on a claim. Each names the claim version the form showed, so a
// change made meanwhile by someone else is refused instead of overwritten.
import { z } from "zod";
import { ReviewStatus } from "@/lib/generated/prisma/enums.ts";
import { recordIdSchema, verdictSchema } from "./annotations";

const claimVersion = {
  claimId: recordIdSchema("claim"),
  version: z.number().int().positive(),
};

export const setClaimStatusSchema = z.object({
  ...claimVersion,
  status: z.enum(ReviewStatus, { error: "Choose a status from the list." }),
});

export const settleClaimVerdictSchema = z.object({ ...claimVersion, verdict: verdictSchema });

export const assignClaimSchema = z.object({
  ...claimVersion,
  /** Null releases the claim. */
  assigneeId: recordIdSchema("reviewer").nullable(),
});

export const reviewQueueSchema = z.object({
  status: z.enum(ReviewStatus).nullable(),
  page: z.number().int().positive(),
  size: z.number().int().min(1).max(100),
});

export type SetClaimStatusData = z.output<typeof setClaimStatusSchema>;
export type SettleClaimVerdictData = z.output<typeof settleClaimVerdictSchema>;
export type AssignClaimData = z.output<typeof assignClaimSchema>;
export type ReviewQueueQuery = z.infer<typeof reviewQueueSchema>;
