"use server";
// The claim's review workflow: status, settling a disagreement, assignment. Each names the claim version the
// form showed; a stale one comes back as `stale` and the form keeps the person's choice.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth";
import { toActionResult, type ActionResult } from "@/lib/actions/result";
import * as review from "@/lib/data/review";
import { getDb } from "@/lib/db";
import {
  type AssignClaimInput,
  type SetClaimStatusInput,
  type SettleClaimVerdictInput,
} from "@/lib/validations/review";

type Saved = { claimId: number; version: number };

function revalidateClaim(claimId: number) {
  revalidatePath(`/claims/${claimId}`);
  revalidatePath("/claims");
  revalidatePath("/queue");
}

export async function setClaimStatus(input: SetClaimStatusInput): Promise<ActionResult<Saved>> {
  const actor = await getCurrentUser();
  return toActionResult(async () => {
    const saved = await review.setClaimStatus(getDb(), actor, input);
    revalidateClaim(saved.claimId);
    return saved;
  });
}

export async function settleClaimVerdict(input: SettleClaimVerdictInput): Promise<ActionResult<Saved>> {
  const actor = await getCurrentUser();
  return toActionResult(async () => {
    const saved = await review.settleClaimVerdict(getDb(), actor, input);
    revalidateClaim(saved.claimId);
    return saved;
  });
}

export async function assignClaim(input: AssignClaimInput): Promise<ActionResult<Saved>> {
  const actor = await getCurrentUser();
  return toActionResult(async () => {
    const saved = await review.assignClaim(getDb(), actor, input);
    revalidateClaim(saved.claimId);
    return saved;
  });
}
