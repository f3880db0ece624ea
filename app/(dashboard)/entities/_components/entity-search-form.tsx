import Link from "next/link";
import { SearchIcon } from "@/app/(dashboard)/_components/detail-icons";
import type { EntityListQuery } from "@/lib/data/entities";
import { DEFAULT_PAGE_SIZE } from "@/lib/data/list-params";
import { ENTITY_KIND_OPTIONS } from "@/lib/domain/options";

const FIELD =
  "h-10 rounded-md border bg-surface px-3 text-sm text-foreground shadow-xs outline-none transition-colors placeholder:text-muted-foreground focus-visible:border-brand dark:shadow-none";

/** A plain GET form: searching works before any JavaScript loads, and every result has a shareable URL. */
export function EntitySearchForm({ query }: { query: EntityListQuery }) {
  const filtered = query.q !== "" || query.kind !== null;
  return (
    <form
      role="search"
      aria-label="Entities"
      action="/entities"
      method="get"
      className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <div className="flex flex-1 flex-col gap-1.5">
        <label htmlFor="entity-q" className="text-sm font-medium">
          Name or alias
        </label>
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
          <input
            id="entity-q"
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder="Huawei, 华为, DeepSeek…"
            autoComplete="off"
            maxLength={200}
            className={`${FIELD} w-full pl-9`}
          />
        </div>
      </div>
      <div className="flex flex-col gap-1.5 sm:w-52">
        <label htmlFor="entity-kind" className="text-sm font-medium">
          Kind
        </label>
        <select id="entity-kind" name="kind" defaultValue={query.kind ?? ""} className={FIELD}>
          <option value="">All kinds</option>
          {ENTITY_KIND_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {/* A new search starts again at page 1, in the size and order already chosen. */}
      {query.size !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="size" value={query.size} /> : null}
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <div className="flex items-center gap-2">
        <button
          type="submit"
          className="inline-flex h-10 items-center rounded-md bg-brand px-4 text-sm font-medium text-white transition-opacity hover:opacity-90 dark:text-background"
        >
          Search
        </button>
        {filtered ? (
          <Link
            href="/entities"
            className="inline-flex h-10 items-center rounded-md px-3 text-sm font-medium text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
