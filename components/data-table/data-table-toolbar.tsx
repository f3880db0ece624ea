// The band above a table: the search and the filter menus on the left, view controls on the right; it wraps
// onto more lines as the screen narrows, keeping the search first.
import type { ReactNode } from "react";

export function DataTableToolbar({
  search,
  filters,
  end,
  below,
}: {
  search: ReactNode;
  filters: ReactNode;
  end?: ReactNode;
  /** Full-width content under the controls, e.g. the active filters. */
  below?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start gap-2">
        <div className="w-full sm:w-80">{search}</div>
        <div role="group" aria-label="Filters" className="flex flex-1 flex-wrap items-center gap-2">
          {filters}
        </div>
        {end ? <div className="flex items-center gap-2">{end}</div> : null}
      </div>
      {below}
    </div>
  );
}
