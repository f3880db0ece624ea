import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { getOverviewFigures } from "@/lib/data/overview";
import { formatCount } from "@/lib/format";
import { ExplorerPending } from "../_components/explorer-pending";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  const { sources } = await getOverviewFigures();
  return (
    <>
      <PageHeader title="Sources">The reports, articles, indexes and statements that claims cite.</PageHeader>
      <ExplorerPending
        count={`${formatCount(sources, "source", "sources")} in the database`}
        explorer="sources"
      />
    </>
  );
}
