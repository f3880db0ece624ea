// The pager of every list: how many rows, which of them this page shows, and a link per page. Plain links, so
// paging works before any script loads and every page has an address to share. A client table that runs its own
// navigation (the claims table) passes `onNavigate`, and a plain click goes through it instead; a click that
// asks for a new tab or window still follows the link.
import { clsx } from "clsx";
import Link from "next/link";
import type { MouseEvent, ReactNode } from "react";
import { ChevronLeftIcon, ChevronRightIcon } from "@/components/ui/icons";
import { formatNumber } from "@/lib/format";

type PaginationProps = {
  page: number;
  pageCount: number;
  total: number;
  size: number;
  /** The URL of a page, keeping the list's other parameters. */
  hrefFor: (page: number) => string;
  /** "entities", "claims": what the rows are, for the summary line. */
  noun: string;
  onNavigate?: (page: number) => void;
  /** Stable ids for the links, so an owner that re-creates the list can give focus back to the one pressed. */
  idPrefix?: string;
  /** A page-size control (DataTablePageSize), for a list that offers one. */
  sizeControl?: ReactNode;
};

export function DataTablePagination({
  page,
  pageCount,
  total,
  size,
  hrefFor,
  noun,
  onNavigate,
  idPrefix,
  sizeControl,
}: PaginationProps) {
  const first = total === 0 ? 0 : Math.min((page - 1) * size + 1, total);
  const last = Math.min(page * size, total);
  const link = (number: number, part: string) => ({
    href: hrefFor(number),
    id: idPrefix ? `${idPrefix}-${part}` : undefined,
    onClick: onNavigate ? followWith(() => onNavigate(number)) : undefined,
  });
  return (
    <div className="flex flex-col items-center justify-between gap-3 text-sm text-muted-foreground sm:flex-row">
      <div className="flex flex-wrap items-center justify-center gap-x-6 gap-y-2">
        <p aria-live="polite">
          {pageCount > 1 && first > 0 && page <= pageCount ? (
            <>
              <span className="font-medium text-foreground tabular-nums">
                {formatNumber(first)}–{formatNumber(last)}
              </span>{" "}
              of <span className="tabular-nums">{formatNumber(total)}</span> {noun}
            </>
          ) : (
            <>
              <span className="tabular-nums">{formatNumber(total)}</span> {noun}
            </>
          )}
        </p>
        {sizeControl}
      </div>
      {pageCount > 1 ? (
        <nav aria-label="Pagination">
          <ul className="flex items-center gap-1">
            <li>
              <StepLink
                label="Previous page"
                link={page > 1 ? link(Math.min(page - 1, pageCount), "previous") : null}
              >
                <ChevronLeftIcon className="size-4" />
              </StepLink>
            </li>
            {pageNumbers(page, pageCount).map((number, index) =>
              number === null ? (
                <li key={`gap-${index}`} aria-hidden="true" className="px-1">
                  …
                </li>
              ) : (
                <li key={number}>
                  <Link
                    {...link(number, `page-${number}`)}
                    aria-current={number === page ? "page" : undefined}
                    className={clsx(
                      "grid h-9 min-w-9 place-items-center rounded-md px-2 font-medium tabular-nums transition-colors",
                      number === page
                        ? "bg-brand text-white dark:text-background"
                        : "text-foreground hover:bg-muted",
                    )}
                  >
                    <span className="sr-only">Page </span>
                    {number}
                  </Link>
                </li>
              ),
            )}
            <li>
              <StepLink label="Next page" link={page < pageCount ? link(page + 1, "next") : null}>
                <ChevronRightIcon className="size-4" />
              </StepLink>
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

/** Rows per page, for a list whose owner can change it without a new form (a client table). */
export function DataTablePageSize({
  id,
  value,
  sizes,
  onChange,
}: {
  id: string;
  value: number;
  sizes: readonly number[];
  onChange: (size: number) => void;
}) {
  return (
    <span className="flex items-center gap-2">
      <label htmlFor={id}>Rows per page</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        className="h-8 rounded-md border bg-surface px-2 text-sm font-medium text-foreground tabular-nums shadow-xs dark:shadow-none"
      >
        {sizes.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * A link's click handler that runs `go` instead of following the link, unless the reader asked for a new tab or
 * window (a modifier key, the middle button), which the link's own address serves.
 */
export function followWith(go: () => void) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go();
  };
}

function StepLink({
  label,
  link,
  children,
}: {
  label: string;
  link: { href: string; id?: string; onClick?: (event: MouseEvent<HTMLAnchorElement>) => void } | null;
  children: ReactNode;
}) {
  const className = "grid size-9 place-items-center rounded-md transition-colors";
  if (!link) {
    return (
      <span aria-disabled="true" className={clsx(className, "opacity-40")}>
        {children}
        <span className="sr-only">{label}</span>
      </span>
    );
  }
  return (
    <Link {...link} className={clsx(className, "text-foreground hover:bg-muted")}>
      {children}
      <span className="sr-only">{label}</span>
    </Link>
  );
}

/** The first and last page, the current one and its neighbours; null where pages are skipped. */
function pageNumbers(page: number, pageCount: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((number) => number >= 1 && number <= pageCount)
    .sort((a, b) => a - b);
  return shown.flatMap((number, index) => {
    const previous = shown[index - 1];
    if (previous === undefined || number === previous + 1) return [number];
    return number === previous + 2 ? [previous + 1, number] : [null, number];
  });
}
