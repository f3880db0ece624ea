"use server";
// The review thread's mutations. Their form refreshes the claim's page itself once the answer is in
// (annotation-thread.tsx), so that a save is confirmed as soon as it is written (lib/actions/action.ts).
import { serverAction } from "@/lib/actions/action";
import * as annotations from "@/lib/data/annotations";
import {
  annotationRefSchema,
  createAnnotationSchema,
  editAnnotationSchema,
  replyToAnnotationSchema,
} from "@/lib/validations/annotations";

const thread = { permission: "annotations.write", refresh: "by the form" } as const;

export const createAnnotation = serverAction({
  ...thread,
  schema: createAnnotationSchema,
  write: annotations.createAnnotation,
});

export const replyToAnnotation = serverAction({
  ...thread,
  schema: replyToAnnotationSchema,
  write: annotations.replyToAnnotation,
});

export const editAnnotation = serverAction({
  ...thread,
  schema: editAnnotationSchema,
  write: annotations.editAnnotation,
});

export const deleteAnnotation = serverAction({
  ...thread,
  schema: annotationRefSchema,
  write: annotations.deleteAnnotation,
});

export const resolveAnnotation = serverAction({
  ...thread,
  schema: annotationRefSchema,
  write: annotations.resolveAnnotation,
});

export const reopenAnnotation = serverAction({
  ...thread,
  schema: annotationRefSchema,
  write: annotations.reopenAnnotation,
});
