import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** The 404 of a record page: says which kind of record is missing and leads back to its list. */
export function RecordNotFound({
  title,
  children,
  href,
  linkLabel,
}: {
  title: string;
  children: ReactNode;
  href: string;
  linkLabel: string;
}) {
  return (
    <Card className="mx-auto flex max-w-xl flex-col items-start gap-4 p-6 sm:p-8">
      <p className="text-sm font-medium text-brand">404</p>
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <p className="text-muted-foreground">{children}</p>
      <Link
        href={href}
        className="inline-flex h-10 items-center rounded-md bg-brand px-4 text-sm font-medium text-white transition-opacity hover:opacity-90 dark:text-background"
      >
        {linkLabel}
      </Link>
    </Card>
  );
}
