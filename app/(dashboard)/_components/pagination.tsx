import { clsx } from "clsx";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatNumber } from "@/lib/format";
import { ChevronLeftIcon, ChevronRightIcon } from "@/components/ui/icons";

type PaginationProps = {
  page: number;
  pageCount: number;
  total: number;
  size: number;
  /** The URL of a page, keeping the list's other parameters. */
  hrefFor: (page: number) => string;
  /** "entities", "claims": what the rows are, for the summary line. */
  noun: string;
};

/** Plain links, so paging works without JavaScript and every page has an address to share. */
export function Pagination({ page, pageCount, total, size, hrefFor, noun }: PaginationProps) {
  const first = total === 0 ? 0 : Math.min((page - 1) * size + 1, total);
  const last = Math.min(page * size, total);
  return (
    <div className="flex flex-col items-center justify-between gap-3 text-sm text-muted-foreground sm:flex-row">
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
      {pageCount > 1 ? (
        <nav aria-label="Pagination">
          <ul className="flex items-center gap-1">
            <li>
              <PageLink href={page > 1 ? hrefFor(Math.min(page - 1, pageCount)) : null} label="Previous page">
                <ChevronLeftIcon className="size-4" />
              </PageLink>
            </li>
            {pageNumbers(page, pageCount).map((number, index) =>
              number === null ? (
                <li key={`gap-${index}`} aria-hidden="true" className="px-1">
                  …
                </li>
              ) : (
                <li key={number}>
                  <Link
                    href={hrefFor(number)}
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
              <PageLink href={page < pageCount ? hrefFor(page + 1) : null} label="Next page">
                <ChevronRightIcon className="size-4" />
              </PageLink>
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

function PageLink({ href, label, children }: { href: string | null; label: string; children: ReactNode }) {
  const className = "grid size-9 place-items-center rounded-md transition-colors";
  if (!href) {
    return (
      <span aria-disabled="true" className={clsx(className, "opacity-40")}>
        {children}
        <span className="sr-only">{label}</span>
      </span>
    );
  }
  return (
    <Link href={href} className={clsx(className, "text-foreground hover:bg-muted")}>
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
