import { notFound } from "next/navigation";
import type { ReactNode } from "react";

/**
 * The layout of a record's page: a 404 when the URL names no record. Checked here, above the page's loading
 * boundary, the answer is decided before anything streams; from inside the page the not-found page came with
 * status 200, the response having started with the skeleton. `titleOf`: the title of the record a URL segment
 * names, null when it names none.
 */
export function recordLayout<Key extends string>(
  key: Key,
  titleOf: (segment: string) => Promise<string | null>,
) {
  return async function RecordLayout({
    children,
    params,
  }: {
    children: ReactNode;
    params: Promise<Record<Key, string>>;
  }) {
    if ((await titleOf((await params)[key])) === null) notFound();
    return children;
  };
}
