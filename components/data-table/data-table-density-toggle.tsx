"use client";

// Compact rows fit a third more claims on screen; comfortable ones read more easily. The choice is a
// preference of the reader, not of the link, so it lives in localStorage rather than in the URL.
import { clsx } from "clsx";
import { RowsIcon } from "@/components/ui/icons";
import { TRIGGER_CLASS } from "./data-table-popover";
import { useLocalStorage } from "./use-local-storage";

export type Density = "comfortable" | "compact";

const STORAGE_KEY = "claimdesk:table-density";

export function useDensity(): [Density, (density: Density) => void] {
  const [stored, setStored] = useLocalStorage(STORAGE_KEY);
  return [stored === "compact" ? "compact" : "comfortable", setStored];
}

export function DataTableDensityToggle({
  density,
  onChange,
}: {
  density: Density;
  onChange: (density: Density) => void;
}) {
  const compact = density === "compact";
  return (
    <button
      type="button"
      aria-pressed={compact}
      onClick={() => onChange(compact ? "comfortable" : "compact")}
      className={clsx(TRIGGER_CLASS, compact && "border-brand/40 bg-brand-soft/60")}
    >
      <RowsIcon className="size-4 text-muted-foreground" />
      Compact
    </button>
  );
}
