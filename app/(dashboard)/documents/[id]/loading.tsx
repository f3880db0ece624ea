import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

const PARAGRAPHS = [4, 3, 5, 2, 4, 3];

export default function DocumentLoading() {
  return (
    <div role="status">
      <span className="sr-only">Loading document…</span>
      <Skeleton className="mb-4 h-4 w-96 max-w-full" />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <div className="flex flex-col gap-4 lg:col-start-2 lg:row-start-1">
          <Card className="flex flex-col gap-4 p-5">
            <div className="grid grid-cols-2 gap-3">
              <Skeleton className="h-12" />
              <Skeleton className="h-12" />
            </div>
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-4/5" />
          </Card>
          <Card className="hidden flex-col gap-2.5 p-5 lg:flex">
            {Array.from({ length: 10 }, (_, index) => (
              <Skeleton key={index} className={index % 3 === 0 ? "h-4 w-11/12" : "ml-3 h-4 w-3/4"} />
            ))}
          </Card>
        </div>
        <Card className="flex flex-col gap-7 px-5 py-8 sm:px-10 sm:py-10 lg:col-start-1 lg:row-start-1">
          <div className="flex flex-col gap-3">
            <Skeleton className="h-8 w-4/5" />
            <Skeleton className="h-8 w-3/5" />
            <Skeleton className="mt-2 h-4 w-40" />
          </div>
          {PARAGRAPHS.map((lines, index) => (
            <div key={index} className="flex flex-col gap-3">
              {index % 3 === 0 ? <Skeleton className="mb-2 h-6 w-2/3" /> : null}
              {Array.from({ length: lines }, (_, line) => (
                <Skeleton key={line} className={line === lines - 1 ? "h-4 w-1/2" : "h-4 w-full"} />
              ))}
            </div>
          ))}
        </Card>
      </div>
    </div>
  );
}
