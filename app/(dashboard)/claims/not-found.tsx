import type { Metadata } from "next";
import { RecordNotFound } from "@/components/records/record-not-found";

export const metadata: Metadata = { title: "Claim not found" };

export default function ClaimNotFound() {
  return (
    <RecordNotFound title="Claim not found" href="/claims" linkLabel="Browse all claims">
      No claim has this number. The link may be mistyped, or the claim was removed with its document.
    </RecordNotFound>
  );
}
