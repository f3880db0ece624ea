import { ListPageSkeleton } from "@/app/(dashboard)/_components/list-table";
import { EntityTableSkeleton } from "./_components/entity-table";

export default function EntitiesLoading() {
  return (
    <ListPageSkeleton titleClassName="w-36">
      <EntityTableSkeleton />
    </ListPageSkeleton>
  );
}
