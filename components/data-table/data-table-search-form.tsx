// The search and filter form of a server-rendered list: a plain GET form, so searching works before any script
// loads and every result has an address to share. The list brings its fields (Field with Input or Select, or
// DataTableSearchField); the form adds the parameters a new search keeps, the submit button and a way back to the
// whole list.
import { clsx } from "clsx";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { SearchIcon } from "@/components/ui/icons";
import { MAX_QUERY_LENGTH } from "@/lib/data/list-params";

export function DataTableSearchForm({
  action,
  label,
  filtered,
  keep = {},
  submitLabel = "Search",
  clearLabel = "Clear",
  note,
  className = "flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end",
  actionsClassName,
  children,
}: {
  /** The list's path, e.g. "/entities"; "Clear" leads back to it. */
  action: string;
  /** Names the search landmark for assistive technology. */
  label: string;
  /** Whether anything is searched or filtered, which offers "Clear". */
  filtered: boolean;
  /** Parameters a new search keeps (page size, sort), while the page starts again at 1. */
  keep?: Record<string, string | number | null>;
  submitLabel?: string;
  clearLabel?: string;
  /** A line at the end of the buttons' row. */
  note?: ReactNode;
  className?: string;
  actionsClassName?: string;
  children: ReactNode;
}) {
  return (
    <form role="search" aria-label={label} action={action} method="get" className={className}>
      {children}
      {Object.entries(keep).map(([key, value]) =>
        value === null ? null : <input key={key} type="hidden" name={key} value={value} />,
      )}
      <div className={clsx("flex items-center gap-2", actionsClassName)}>
        <Button type="submit" variant="primary" className="h-10">
          {submitLabel}
        </Button>
        {filtered ? (
          <Link
            href={action}
            className="inline-flex h-10 items-center rounded-md px-3 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            {clearLabel}
          </Link>
        ) : null}
        {note}
      </div>
    </form>
  );
}

/** The text field of a list's search, named `q`. */
export function DataTableSearchField({
  id,
  label,
  value,
  placeholder,
  className = "sm:min-w-56 sm:flex-1",
}: {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  className?: string;
}) {
  return (
    <Field id={id} label={label} className={className}>
      {(described) => (
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            id={id}
            name="q"
            type="search"
            defaultValue={value}
            placeholder={placeholder}
            autoComplete="off"
            maxLength={MAX_QUERY_LENGTH}
            className="pl-9"
            {...described}
          />
        </div>
      )}
    </Field>
  );
}
