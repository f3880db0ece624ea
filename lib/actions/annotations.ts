"use server";
// The review thread's mutations: find out who is asking, then let the data layer authorise, validate, write and
// audit in one transaction; the claim's page (and the queue, whose disagreement flags follow verdicts) re-render after.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth";
import { toActionResult, type ActionResult } from "@/lib/actions/result";
import * as annotations from "@/lib/data/annotations";
import { getDb } from "@/lib/db";
import {
  type AnnotationRefInput,
  type CreateAnnotationInput,
  type EditAnnotationInput,
  type ReplyToAnnotationInput,
} from "@/lib/validations/annotations";

type Saved = { id: number; claimId: number };

function revalidateClaim(claimId: number) {
  revalidatePath(`/claims/${claimId}`);
  revalidatePath("/queue");
}

export async function createAnnotation(input: CreateAnnotationInput): Promise<ActionResult<Saved>> {
  const actor = await getCurrentUser();
  return toActionResult(async () => {
    const saved = await annotations.createAnnotation(getDb(), actor, input);
    revalidateClaim(saved.claimId);
    return { id: saved.id, claimId: saved.claimId };
  });
}

export async function replyToAnnotation(input: ReplyToAnnotationInput): Promise<ActionResult<Saved>> {
  const actor = await getCurrentUser();
  return toActionResult(async () => {
    const saved = await annotations.replyToAnnotation(getDb(), actor, input);
    revalidateClaim(saved.claimId);
    return { id: saved.id, claimId: saved.claimId };
  });
}

export async function editAnnotation(input: EditAnnotationInput): Promise<ActionResult<Saved>> {
  const actor = await getCurrentUser();
  return toActionResult(async () => {
    const saved = await annotations.editAnnotation(getDb(), actor, input);
    revalidateClaim(saved.claimId);
    return { id: saved.id, claimId: saved.claimId };
  });
}

export async function deleteAnnotation(input: AnnotationRefInput): Promise<ActionResult<Saved>> {
  const actor = await getCurrentUser();
  return toActionResult(async () => {
    const saved = await annotations.deleteAnnotation(getDb(), actor, input);
    revalidateClaim(saved.claimId);
    return saved;
  });
}

export async function resolveAnnotation(input: AnnotationRefInput): Promise<ActionResult<Saved>> {
  const actor = await getCurrentUser();
  return toActionResult(async () => {
    const saved = await annotations.resolveAnnotation(getDb(), actor, input);
    revalidateClaim(saved.claimId);
    return saved;
  });
}

export async function reopenAnnotation(input: AnnotationRefInput): Promise<ActionResult<Saved>> {
  const actor = await getCurrentUser();
  return toActionResult(async () => {
    const saved = await annotations.reopenAnnotation(getDb(), actor, input);
    revalidateClaim(saved.claimId);
    return saved;
  });
}
