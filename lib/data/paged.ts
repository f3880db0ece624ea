// One page of a list read, as every list page and list endpoint returns it.

export type Paged<T> = {
  rows: T[];
  total: number;
  pageCount: number;
  /** The page these rows are from; may be past the last page, with no rows. */
  page: number;
  size: number;
};

/** One page of a list read, with the count of pages it is one of. */
export function pagedOf<T>(
  rows: T[],
  total: number,
  { page, size }: { page: number; size: number },
): Paged<T> {
  return { rows, total, pageCount: Math.ceil(total / size), page, size };
}
