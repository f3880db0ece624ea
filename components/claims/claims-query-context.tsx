"use client";

// The claims explorer's state is its URL. Every control asks `navigate` for a new query; it writes the URL (in
// a transition, so the server component renders the new page while the old one stays usable) and shows the
// requested query at once (optimistically), so quick successive clicks build on each other instead of racing.
import { usePathname, useRouter } from "next/navigation";
import { createContext, use, useCallback, useOptimistic, useRef, useTransition, type ReactNode } from "react";
import {
  DEFAULT_CLAIMS_QUERY,
  parseClaimsQuery,
  serializeClaimsQuery,
  type ClaimsQuery,
} from "@/lib/validations/claims";

interface ClaimsQueryContextValue {
  /** The query on screen: the URL's, or the one just requested while it loads. */
  query: ClaimsQuery;
  pending: boolean;
  navigate: (next: ClaimsQuery, options?: { history?: "push" | "replace" }) => void;
  /**
   * The id of the control that asked for the current navigation, once. The table remounts for every query (its
   * Suspense boundary is keyed by it), which drops focus; it hands focus back to the same control by this id.
   */
  takeFocusTarget: () => string | null;
}

const ClaimsQueryContext = createContext<ClaimsQueryContextValue | null>(null);

export function ClaimsQueryProvider({ query, children }: { query: ClaimsQuery; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [optimistic, setOptimistic] = useOptimistic(query);
  const focusTarget = useRef<string | null>(null);
  const takeFocusTarget = useCallback(() => {
    const id = focusTarget.current;
    focusTarget.current = null;
    return id;
  }, []);

  function navigate(next: ClaimsQuery, { history = "push" }: { history?: "push" | "replace" } = {}) {
    const search = serializeClaimsQuery(next).toString();
    focusTarget.current = document.activeElement?.id || null;
    startTransition(() => {
      setOptimistic(next);
      router[history](search ? `${pathname}?${search}` : pathname, { scroll: false });
    });
  }

  return (
    <ClaimsQueryContext value={{ query: optimistic, pending, navigate, takeFocusTarget }}>
      {children}
    </ClaimsQueryContext>
  );
}

export function useClaimsQuery(): ClaimsQueryContextValue {
  const value = use(ClaimsQueryContext);
  if (!value) throw new Error("useClaimsQuery needs a ClaimsQueryProvider above it");
  return value;
}

/** A narrower or wider filter changes which rows exist, so the reader starts again on page 1. */
export function withFilters(query: ClaimsQuery, patch: Partial<ClaimsQuery>): ClaimsQuery {
  return { ...query, ...patch, page: 1 };
}

/**
 * A new search keeps a sort the reader chose; a default sort follows the search (relevance while searching,
 * document order without).
 */
export function withSearch(query: ClaimsQuery, q: string): ClaimsQuery {
  const sortIsDefault = !serializeClaimsQuery(query).has("sort");
  const defaults = parseClaimsQuery(q ? new URLSearchParams({ q }) : new URLSearchParams());
  const keepSort = !sortIsDefault && !(query.sort === "relevance" && !q);
  return withFilters(query, {
    q,
    sort: keepSort ? query.sort : defaults.sort,
    dir: keepSort ? query.dir : defaults.dir,
  });
}

/** Clears search and filters; the page size is the reader's preference and stays. */
export function withoutFilters(query: ClaimsQuery): ClaimsQuery {
  return { ...DEFAULT_CLAIMS_QUERY, size: query.size };
}

/** The search as the parser will read it back, so that equal searches compare equal. */
export function normalizeSearch(q: string): string {
  return parseClaimsQuery(new URLSearchParams({ q })).q;
}
