"use server";
// The review thread's mutations: the data layer authorises, validates, writes and audits in one transaction. They
// revalidate nothing: the thread refreshes the claim's page once the answer is in (annotation-thread.tsx), so that a
// save is confirmed as soon as it is written instead of after the whole page has rendered again, which under a burst
// of saves was most of each answer's time (docs/benchmarks.md, "Note saves under load"). Every page that shows notes
// is rendered per request, so the next visit to any of them reads them fresh.
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

export async function createAnnotation(input: CreateAnnotationInput): Promise<ActionResult<Saved>> {
  return runAction(async (actor) => {
    const { id, claimId } = await annotations.createAnnotation(getDb(), actor, input);
    return { id, claimId };
  });
}

export async function replyToAnnotation(input: ReplyToAnnotationInput): Promise<ActionResult<Saved>> {
  return runAction(async (actor) => {
    const { id, claimId } = await annotations.replyToAnnotation(getDb(), actor, input);
    return { id, claimId };
  });
}

export async function editAnnotation(input: EditAnnotationInput): Promise<ActionResult<Saved>> {
  return runAction(async (actor) => {
    const { id, claimId } = await annotations.editAnnotation(getDb(), actor, input);
    return { id, claimId };
  });
}

export async function deleteAnnotation(input: AnnotationRefInput): Promise<ActionResult<Saved>> {
  return runAction((actor) => annotations.deleteAnnotation(getDb(), actor, input));
}

export async function resolveAnnotation(input: AnnotationRefInput): Promise<ActionResult<Saved>> {
  return runAction((actor) => annotations.resolveAnnotation(getDb(), actor, input));
}

export async function reopenAnnotation(input: AnnotationRefInput): Promise<ActionResult<Saved>> {
  return runAction((actor) => annotations.reopenAnnotation(getDb(), actor, input));
}
