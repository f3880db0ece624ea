import type { ReactNode } from "react";

/** A command or identifier inside running text. */
export function Code({ children }: { children: ReactNode }) {
  return (
    <code className="rounded-md border bg-muted px-1.5 py-0.5 font-mono text-[0.85em] text-foreground">
      {children}
    </code>
  );
}
