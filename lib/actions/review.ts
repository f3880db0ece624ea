"use server";
// The claim's review workflow: status, settling a disagreement, assignment. Each names the claim version the
// form showed; a stale one comes back as `stale` and the form keeps the person's choice.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import type { ActionResult } from "@/lib/actions/result";
import * as review from "@/lib/data/review";
import { getDb } from "@/lib/db";
import {
  type AssignClaimInput,
  type SetClaimStatusInput,
  type SettleClaimVerdictInput,
} from "@/lib/validations/review";

type Saved = { claimId: number; version: number };

const afterSave = {
  revalidate: ({ claimId }: Saved) => {
    revalidatePath(`/claims/${claimId}`);
    revalidatePath("/claims");
    revalidatePath("/queue");
  },
};

export async function setClaimStatus(input: SetClaimStatusInput): Promise<ActionResult<Saved>> {
  return runAction((actor) => review.setClaimStatus(getDb(), actor, input), afterSave);
}

export async function settleClaimVerdict(input: SettleClaimVerdictInput): Promise<ActionResult<Saved>> {
  return runAction((actor) => review.settleClaimVerdict(getDb(), actor, input), afterSave);
}

export async function assignClaim(input: AssignClaimInput): Promise<ActionResult<Saved>> {
  return runAction((actor) => review.assignClaim(getDb(), actor, input), afterSave);
}
