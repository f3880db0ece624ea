import type { Metadata } from "next";
import { RecordNotFound } from "@/components/records/record-not-found";

export const metadata: Metadata = { title: "Sector not found" };

export default function SectorNotFound() {
  return (
    <RecordNotFound title="Sector not found" href="/sectors" linkLabel="Browse all sectors">
      No sector has this name. The link may be mistyped, or the sector was renamed.
    </RecordNotFound>
  );
}
