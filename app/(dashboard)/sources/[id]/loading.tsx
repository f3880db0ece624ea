import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export default function SourceLoading() {
  return (
    <div role="status">
      <span className="sr-only">Loading source…</span>
      <Skeleton className="mb-4 h-4 w-48" />
      <div className="mb-8 flex flex-col gap-3">
        <Skeleton className="h-5 w-20 rounded-full" />
        <Skeleton className="h-8 w-96 max-w-full" />
        <Skeleton className="h-4 w-56" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <Card className="flex flex-col gap-4 p-5 sm:p-6 lg:col-start-2 lg:row-start-1">
          <Skeleton className="h-5 w-24" />
          {Array.from({ length: 4 }, (_, index) => (
            <div key={index} className="flex flex-col gap-1.5">
              <Skeleton className="h-3 w-20" />
              <Skeleton className="h-4 w-4/5" />
            </div>
          ))}
        </Card>
        <Card className="flex flex-col gap-6 p-5 sm:p-6 lg:col-start-1 lg:row-start-1">
          <Skeleton className="h-5 w-24" />
          {Array.from({ length: 2 }, (_, index) => (
            <div key={index} className="flex flex-col gap-2">
              <Skeleton className="h-4 w-full" />
              <Skeleton className="h-4 w-2/3" />
              <Skeleton className="h-5 w-36 rounded-full" />
            </div>
          ))}
        </Card>
      </div>
    </div>
  );
}
