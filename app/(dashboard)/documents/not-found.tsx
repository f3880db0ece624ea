import type { Metadata } from "next";
import { RecordNotFound } from "@/components/records/record-not-found";

export const metadata: Metadata = { title: "Document not found" };

export default function DocumentNotFound() {
  return (
    <RecordNotFound title="Document not found" href="/documents" linkLabel="See all documents">
      No document has this number. The link may be mistyped, or the document was removed.
    </RecordNotFound>
  );
}
