import { ListPageSkeleton } from "@/app/(dashboard)/_components/list-table";
import { SourceTableSkeleton } from "./_components/source-table";

export default function SourcesLoading() {
  return (
    <ListPageSkeleton titleClassName="w-32">
      <SourceTableSkeleton />
    </ListPageSkeleton>
  );
}
