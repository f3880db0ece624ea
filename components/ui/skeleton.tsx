import { clsx } from "clsx";
import type { ComponentProps } from "react";

/** A placeholder block; the surrounding loading region carries the accessible "Loading" status. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden="true"
      className={clsx("rounded-md bg-muted motion-safe:animate-pulse", className)}
      {...props}
    />
  );
}
