import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Said alike for a page that does not exist and one this person may not open, so neither gives the other away. */
export default function AdminNotFound() {
  return (
    <Card className="mx-auto flex max-w-xl flex-col items-start gap-4 p-6 sm:p-8">
      <p className="text-sm font-medium text-brand">404</p>
      <h1 className="text-xl font-semibold tracking-tight">Not allowed</h1>
      <p className="text-muted-foreground">
        This page does not exist, or it is for admins only. If you need it, ask an admin of your team.
      </p>
      <Link href="/" className={buttonClasses("primary")}>
        Back to the overview
      </Link>
    </Card>
  );
}
