import type { Tone } from "@/lib/domain/options";
import type { ImportState } from "@/lib/generated/prisma/enums.ts";

export const IMPORT_STATE_BADGES: Record<ImportState, { label: string; tone: Tone }> = {
  QUEUED: { label: "Waiting", tone: "neutral" },
  RUNNING: { label: "Importing", tone: "info" },
  SUCCEEDED: { label: "Imported", tone: "positive" },
  FAILED: { label: "Failed", tone: "negative" },
};
