import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export default function EntityLoading() {
  return (
    <div role="status">
      <span className="sr-only">Loading entity…</span>
      <Skeleton className="mb-4 h-4 w-48" />
      <div className="mb-8 flex flex-col gap-3">
        <div className="flex gap-1.5">
          <Skeleton className="h-5 w-20 rounded-full" />
          <Skeleton className="h-5 w-16 rounded-full" />
        </div>
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-4 w-full max-w-2xl" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="flex flex-col gap-6 lg:col-start-2 lg:row-start-1">
          {[3, 2, 6].map((lines, index) => (
            <Card key={index} className="flex flex-col gap-3 p-5 sm:p-6">
              <Skeleton className="h-5 w-32" />
              {Array.from({ length: lines }, (_, line) => (
                <Skeleton key={line} className="h-4 w-4/5" />
              ))}
            </Card>
          ))}
        </div>
        <Card className="flex flex-col gap-6 p-5 sm:p-6 lg:col-start-1 lg:row-start-1">
          <Skeleton className="h-5 w-24" />
          {Array.from({ length: 6 }, (_, index) => (
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
