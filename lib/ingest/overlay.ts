// The curated overlay: the few decisions rules cannot make for one document, each with its reason.
// Every entry must match exactly one sentence or claim, so an overlay that drifts from its document fails loudly.

import { z } from "zod";
import { ClaimKind, EntityRole, SourceRelation } from "@/lib/generated/prisma/enums.ts";

const why = z.string().min(10, "say why the rules are overruled");

const sentenceEntry = z
  .object({
    match: z.string().min(5),
    include: z.boolean().optional(),
    split: z.array(z.string().min(3)).min(2).optional(),
    why,
  })
  .strict();

const claimEntry = z
  .object({
    match: z.string().min(5),
    kind: z.enum(ClaimKind).optional(),
    sectors: z
      .object({ add: z.array(z.string()).default([]), remove: z.array(z.string()).default([]) })
      .strict()
      .optional(),
    entities: z
      .object({
        add: z.array(z.object({ slug: z.string(), role: z.enum(EntityRole) }).strict()).default([]),
        remove: z.array(z.string()).default([]),
        subjects: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    sources: z.array(z.object({ slug: z.string(), relation: z.enum(SourceRelation) }).strict()).optional(),
    measures: z.record(z.string(), z.string().min(3)).optional(),
    asOf: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .nullable()
      .optional(),
    why,
  })
  .strict();

export const overlaySchema = z
  .object({
    document: z
      .object({
        slug: z.string().regex(/^[a-z0-9-]+$/),
        title: z.string().min(3),
        publisher: z.string().nullable(),
        url: z.url().nullable(),
        publishedAt: z.iso.date().nullable(),
      })
      .strict(),
    sentences: z.array(sentenceEntry).default([]),
    claims: z.array(claimEntry).default([]),
  })
  .strict();

export type Overlay = z.infer<typeof overlaySchema>;
export type SentenceOverride = z.infer<typeof sentenceEntry>;
export type ClaimOverride = z.infer<typeof claimEntry>;

/** Finds the one entry whose `match` occurs in `text`; tracks use so unmatched entries can be reported. */
export class OverrideIndex<T extends { match: string }> {
  private readonly used = new Map<T, number>();

  constructor(private readonly entries: T[]) {}

  find(text: string): T | undefined {
    const hits = this.entries.filter((entry) => text.includes(entry.match));
    if (hits.length > 1)
      throw new Error(`Overlay entries ${hits.map((h) => `"${h.match}"`).join(", ")} all match "${text}"`);
    const hit = hits[0];
    if (hit) this.used.set(hit, (this.used.get(hit) ?? 0) + 1);
    return hit;
  }

  /** Entries that matched nothing or more than one text: the overlay no longer fits the document. */
  problems(kind: string): string[] {
    return this.entries.flatMap((entry) => {
      const count = this.used.get(entry) ?? 0;
      if (count === 1) return [];
      return [`${kind} overlay entry "${entry.match}" matched ${count} ${kind}s (expected exactly 1)`];
    });
  }
}
