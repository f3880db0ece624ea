"use server";
// The review thread's mutations: the data layer authorises, validates, writes and audits in one transaction; the
// claim's page (and the queue, whose disagreement flags follow verdicts) re-render after.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import type { ActionResult } from "@/lib/actions/result";
import * as annotations from "@/lib/data/annotations";
import { getDb } from "@/lib/db";
import {
  type AnnotationRefInput,
  type CreateAnnotationInput,
  type EditAnnotationInput,
  type ReplyToAnnotationInput,
} from "@/lib/validations/annotations";

type Saved = { id: number; claimId: number };

const afterSave = {
  revalidate: ({ claimId }: Saved) => {
    revalidatePath(`/claims/${claimId}`);
    revalidatePath("/queue");
  },
};

export async function createAnnotation(input: CreateAnnotationInput): Promise<ActionResult<Saved>> {
  return runAction(async (actor) => {
    const { id, claimId } = await annotations.createAnnotation(getDb(), actor, input);
    return { id, claimId };
  }, afterSave);
}

export async function replyToAnnotation(input: ReplyToAnnotationInput): Promise<ActionResult<Saved>> {
  return runAction(async (actor) => {
    const { id, claimId } = await annotations.replyToAnnotation(getDb(), actor, input);
    return { id, claimId };
  }, afterSave);
}

export async function editAnnotation(input: EditAnnotationInput): Promise<ActionResult<Saved>> {
  return runAction(async (actor) => {
    const { id, claimId } = await annotations.editAnnotation(getDb(), actor, input);
    return { id, claimId };
  }, afterSave);
}

export async function deleteAnnotation(input: AnnotationRefInput): Promise<ActionResult<Saved>> {
  return runAction((actor) => annotations.deleteAnnotation(getDb(), actor, input), afterSave);
}

export async function resolveAnnotation(input: AnnotationRefInput): Promise<ActionResult<Saved>> {
  return runAction((actor) => annotations.resolveAnnotation(getDb(), actor, input), afterSave);
}

export async function reopenAnnotation(input: AnnotationRefInput): Promise<ActionResult<Saved>> {
  return runAction((actor) => annotations.reopenAnnotation(getDb(), actor, input), afterSave);
}
