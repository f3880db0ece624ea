import { Card } from "@/components/ui/card";

/** Stands in for an explorer that a later release builds: a real count, and no made-up rows. */
export function ExplorerPending({ count, explorer }: { count: string; explorer: string }) {
  return (
    <Card className="flex flex-col gap-2 p-5 sm:p-6">
      <p className="text-2xl font-semibold tracking-tight tabular-nums">{count}</p>
      <p className="text-muted-foreground">The {explorer} explorer arrives with the next release.</p>
    </Card>
  );
}
