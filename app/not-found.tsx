import Link from "next/link";
import { Card } from "@/components/ui/card";

export default function NotFound() {
  return (
    <Card className="mx-auto flex max-w-xl flex-col items-start gap-4 p-6 sm:p-8">
      <p className="text-sm font-medium text-brand">404</p>
      <h1 className="text-xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-muted-foreground">
        There is nothing at this address. It may have been mistyped, or the record it pointed to was removed.
      </p>
      <Link
        href="/"
        className="inline-flex h-10 items-center rounded-md bg-brand px-4 text-sm font-medium text-white transition-opacity hover:opacity-90 dark:text-background"
      >
        Back to the overview
      </Link>
    </Card>
  );
}
