import type { Metadata } from "next";
import { RecordNotFound } from "@/components/records/record-not-found";

export const metadata: Metadata = { title: "Entity not found" };

export default function EntityNotFound() {
  return (
    <RecordNotFound title="Entity not found" href="/entities" linkLabel="Browse all entities">
      No entity has this number. The link may be mistyped, or the entity was merged or removed.
    </RecordNotFound>
  );
}
