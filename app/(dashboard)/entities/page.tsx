import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { getOverviewFigures } from "@/lib/data/overview";
import { formatCount } from "@/lib/format";
import { ExplorerPending } from "../_components/explorer-pending";

export const metadata: Metadata = { title: "Entities" };

export default async function EntitiesPage() {
  const { entities } = await getOverviewFigures();
  return (
    <>
      <PageHeader title="Entities">
        Companies, people, models, chips, government bodies and programmes named in the claims.
      </PageHeader>
      <ExplorerPending
        count={`${formatCount(entities, "entity", "entities")} in the database`}
        explorer="entities"
      />
    </>
  );
}
