// Reads of imported documents.
import "server-only";
import { connection } from "next/server";
import { getDb } from "@/lib/db";

export type DocumentSummary = {
  id: number;
  slug: string;
  title: string;
  publisher: string | null;
  publishedAt: Date | null;
  importedAt: Date;
  claims: number;
};

/** All imported documents, newest import first, with how many claims were extracted from each. */
export async function getDocuments(): Promise<DocumentSummary[]> {
  await connection();
  const documents = await getDb().document.findMany({
    orderBy: [{ importedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      publisher: true,
      publishedAt: true,
      importedAt: true,
      _count: { select: { claims: true } },
    },
  });
  return documents.map(({ _count, ...document }) => ({ ...document, claims: _count.claims }));
}
