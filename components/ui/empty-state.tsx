import type { ReactNode } from "react";
import { DocumentIcon } from "@/components/ui/icons";

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed bg-surface px-6 py-10 text-center">
      <span className="grid size-11 place-items-center rounded-full bg-brand-soft text-brand">
        <DocumentIcon className="size-5" />
      </span>
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="max-w-md text-sm text-muted-foreground">{children}</div>
    </div>
  );
}
