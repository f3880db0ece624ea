import type { Metadata } from "next";
import { RecordNotFound } from "@/components/records/record-not-found";

export const metadata: Metadata = { title: "Source not found" };

export default function SourceNotFound() {
  return (
    <RecordNotFound title="Source not found" href="/sources" linkLabel="Browse all sources">
      No source has this number. The link may be mistyped, or the source was removed.
    </RecordNotFound>
  );
}
