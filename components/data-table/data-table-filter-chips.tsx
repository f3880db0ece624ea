// The filters in force, one removable chip each, and a way to drop them all at once.
import { CloseIcon } from "@/components/ui/icons";

export interface DataTableFilterChip {
  key: string;
  /** What is filtered, e.g. "Sector". */
  name: string;
  /** The value it is filtered by, e.g. "Semiconductors". */
  value: string;
  onRemove: () => void;
}

export function DataTableFilterChips({
  chips,
  onReset,
}: {
  chips: readonly DataTableFilterChip[];
  onReset: () => void;
}) {
  if (!chips.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <ul aria-label="Active filters" className="flex flex-wrap items-center gap-1.5">
        {chips.map((chip) => (
          <li
            key={chip.key}
            className="inline-flex h-7 max-w-full items-center gap-1 rounded-full border bg-brand-soft/50 pr-1 pl-2.5 text-xs"
          >
            <span className="text-muted-foreground">{chip.name}:</span>
            <span className="truncate font-medium">{chip.value}</span>
            <button
              type="button"
              onClick={chip.onRemove}
              aria-label={`Remove filter ${chip.name}: ${chip.value}`}
              className="grid size-5 shrink-0 place-items-center rounded-full text-muted-foreground hover:bg-muted hover:text-foreground"
            >
              <CloseIcon className="size-3.5" />
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={onReset}
        className="h-7 rounded-md px-2 text-xs font-medium text-brand underline-offset-4 hover:underline"
      >
        Reset filters
      </button>
    </div>
  );
}
