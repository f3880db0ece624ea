import Link from "next/link";
import { ChevronRightIcon } from "@/components/ui/icons";

export type Crumb = { label: string; href?: string };

/** Where a record sits, from the list down; the last crumb is the page itself and is not a link. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm text-muted-foreground">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} className="flex min-w-0 items-center gap-1.5">
            {index > 0 ? <ChevronRightIcon className="size-3.5 shrink-0 opacity-60" /> : null}
            {item.href ? (
              <Link
                href={item.href}
                className="truncate underline-offset-4 hover:text-foreground hover:underline"
              >
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="truncate text-foreground">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
