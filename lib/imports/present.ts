// An import as JSON, for the API and for the import page, which follows it by polling that API: the data layer's
// view with dates as ISO strings and links to follow (absolute for the API, relative for the page).
import type { ImportView } from "@/lib/data/imports";

export type ImportJson = ReturnType<typeof presentImport>;

export function presentImport(view: ImportView, origin: string) {
  return {
    ...view,
    createdAt: view.createdAt.toISOString(),
    finishedAt: view.finishedAt?.toISOString() ?? null,
    url: `${origin}/api/imports/${view.id}`,
    document: view.document && { ...view.document, url: `${origin}/documents/${view.document.id}` },
  };
}
