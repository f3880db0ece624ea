import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

function PanelSkeleton({ lines }: { lines: number }) {
  return (
    <Card className="flex flex-col gap-3 p-5 sm:p-6">
      <Skeleton className="h-5 w-32" />
      <Skeleton className="h-4 w-2/3" />
      <div className="mt-3 flex flex-col gap-2.5">
        {Array.from({ length: lines }, (_, index) => (
          <Skeleton key={index} className={index === lines - 1 ? "h-4 w-3/5" : "h-4 w-full"} />
        ))}
      </div>
    </Card>
  );
}

export default function ClaimLoading() {
  return (
    <div role="status">
      <span className="sr-only">Loading claim…</span>
      <Skeleton className="mb-4 h-4 w-80 max-w-full" />
      <div className="mb-8 flex flex-col gap-4">
        <div className="flex gap-1.5">
          <Skeleton className="h-5 w-20 rounded-full" />
          <Skeleton className="h-5 w-24 rounded-full" />
          <Skeleton className="h-5 w-32 rounded-full" />
        </div>
        <div className="flex max-w-4xl flex-col gap-2.5">
          <Skeleton className="h-7 w-full" />
          <Skeleton className="h-7 w-11/12" />
          <Skeleton className="h-7 w-2/5" />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="flex flex-col gap-6 lg:col-start-2 lg:row-start-1">
          <PanelSkeleton lines={6} />
          <PanelSkeleton lines={4} />
        </div>
        <div className="flex flex-col gap-6 lg:col-start-1 lg:row-start-1">
          <PanelSkeleton lines={3} />
          <PanelSkeleton lines={2} />
          <Skeleton className="h-24 rounded-xl" />
          <PanelSkeleton lines={4} />
        </div>
      </div>
    </div>
  );
}
