import { Skeleton } from "@/components/ui/skeleton";
import { EntityTableSkeleton } from "./_components/entity-table";

export default function EntitiesLoading() {
  return (
    <div>
      <div className="mb-8 flex flex-col gap-3">
        <Skeleton className="h-8 w-36" />
        <Skeleton className="h-4 w-full max-w-2xl" />
      </div>
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <Skeleton className="h-16 flex-1" />
        <Skeleton className="h-16 sm:w-52" />
        <Skeleton className="h-10 w-20" />
      </div>
      <EntityTableSkeleton />
    </div>
  );
}
