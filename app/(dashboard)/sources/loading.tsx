import { Skeleton } from "@/components/ui/skeleton";
import { SourceTableSkeleton } from "./_components/source-table";

export default function SourcesLoading() {
  return (
    <div>
      <div className="mb-8 flex flex-col gap-3">
        <Skeleton className="h-8 w-32" />
        <Skeleton className="h-4 w-full max-w-2xl" />
      </div>
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <Skeleton className="h-16 flex-1" />
        <Skeleton className="h-16 sm:w-52" />
        <Skeleton className="h-10 w-20" />
      </div>
      <SourceTableSkeleton />
    </div>
  );
}
