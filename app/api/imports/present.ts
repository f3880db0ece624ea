// An import as the JSON API answers it: the page's view, with dates as ISO strings and links to follow.
import { publicOrigin } from "@/app/api/_lib/formats";
import type { ImportView } from "@/lib/data/imports";

export function presentImport(view: ImportView, request: Request) {
  const origin = publicOrigin(request);
  return {
    ...view,
    createdAt: view.createdAt.toISOString(),
    finishedAt: view.finishedAt?.toISOString() ?? null,
    url: `${origin}/api/imports/${view.id}`,
    document: view.document && { ...view.document, url: `${origin}/documents/${view.document.id}` },
  };
}
