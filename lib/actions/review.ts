"use server";
// The claim's review workflow: status, settling a disagreement, assignment. Each names the claim version the
// form showed; a stale one comes back as `stale` and the form keeps the person's choice.
import { serverAction } from "@/lib/actions/action";
import * as review from "@/lib/data/review";
import { assignClaimSchema, setClaimStatusSchema, settleClaimVerdictSchema } from "@/lib/validations/review";

export const setClaimStatus = serverAction({
  permission: "claims.review",
  schema: setClaimStatusSchema,
  write: review.setClaimStatus,
});

export const settleClaimVerdict = serverAction({
  permission: "claims.review",
  schema: settleClaimVerdictSchema,
  write: review.settleClaimVerdict,
});

export const assignClaim = serverAction({
  permission: "claims.review",
  schema: assignClaimSchema,
  write: review.assignClaim,
});
