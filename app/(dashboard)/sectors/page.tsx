import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { awaitedLater } from "@/lib/data/awaited-later";
import { getSectors } from "@/lib/data/sectors";
import { SectorTable, SectorTableSkeleton } from "./_components/sector-table";

export const metadata: Metadata = { title: "Sectors" };

export default async function SectorsPage() {
  // Imports and reviews change the counts, so the list is read per request and never prerendered at build time.
  await connection();
  const sectors = awaitedLater(getSectors());

  return (
    <>
      <PageHeader title="Sectors">
        The parts of China’s AI ecosystem that claims are filed under. A claim can belong to several sectors,
        so the counts add up to more than the number of claims.
      </PageHeader>
      <Suspense fallback={<SectorTableSkeleton />}>
        <SectorTable sectors={sectors} />
      </Suspense>
    </>
  );
}
