import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { getOverviewFigures } from "@/lib/data/overview";
import { formatCount } from "@/lib/format";
import { ExplorerPending } from "../_components/explorer-pending";

export const metadata: Metadata = { title: "Claims" };

export default async function ClaimsPage() {
  const { claims } = await getOverviewFigures();
  return (
    <>
      <PageHeader title="Claims">
        Every factual statement extracted from the imported documents, with its kind, sectors and review
        status.
      </PageHeader>
      <ExplorerPending
        count={`${formatCount(claims, "claim", "claims")} in the database`}
        explorer="claims"
      />
    </>
  );
}
