import Link from "next/link";
import type { Option } from "@/lib/domain/options";
import { SearchIcon } from "@/components/ui/icons";

const FIELD =
  "h-10 rounded-md border bg-surface px-3 text-sm text-foreground shadow-xs outline-none transition-colors placeholder:text-muted-foreground focus-visible:border-brand dark:shadow-none";

type ListSearchFormProps = {
  /** The list's path, e.g. "/entities"; also names the form for assistive technology. */
  action: string;
  name: string;
  q: string;
  queryLabel: string;
  placeholder: string;
  kind: string | null;
  kindOptions: Option<string>[];
  kindAll: string;
  /** Parameters a new search keeps (page size, sort), while the page starts again at 1. */
  keep: Record<string, string | number | null>;
};

/** A plain GET form: searching works before any JavaScript loads, and every result has a shareable URL. */
export function ListSearchForm(props: ListSearchFormProps) {
  const { action, name, q, kind } = props;
  const filtered = q !== "" || kind !== null;
  const id = name.toLowerCase();
  return (
    <form
      role="search"
      aria-label={name}
      action={action}
      method="get"
      className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <div className="flex flex-1 flex-col gap-1.5">
        <label htmlFor={`${id}-q`} className="text-sm font-medium">
          {props.queryLabel}
        </label>
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            defaultValue={q}
            placeholder={props.placeholder}
            autoComplete="off"
            maxLength={200}
            className={`${FIELD} w-full pl-9`}
          />
        </div>
      </div>
      <div className="flex flex-col gap-1.5 sm:w-52">
        <label htmlFor={`${id}-kind`} className="text-sm font-medium">
          Kind
        </label>
        <select id={`${id}-kind`} name="kind" defaultValue={kind ?? ""} className={FIELD}>
          <option value="">{props.kindAll}</option>
          {props.kindOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {Object.entries(props.keep).map(([key, value]) =>
        value === null ? null : <input key={key} type="hidden" name={key} value={value} />,
      )}
      <div className="flex items-center gap-2">
        <button
          type="submit"
          className="inline-flex h-10 items-center rounded-md bg-brand px-4 text-sm font-medium text-white transition-opacity hover:opacity-90 dark:text-background"
        >
          Search
        </button>
        {filtered ? (
          <Link
            href={action}
            className="inline-flex h-10 items-center rounded-md px-3 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
