// The latest imports by anyone on the team, with where each stands; each opens its document or its progress.
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ToneBadge } from "@/components/ui/tone-badge";
import { formatDateTime } from "@/lib/format";
import type { ImportJson } from "@/lib/imports/present";
import { IMPORT_STATE_BADGES } from "./import-states";

export function RecentImports({ imports }: { imports: ImportJson[] }) {
  return (
    <Card>
      <section aria-labelledby="recent-imports-heading">
        <CardHeader>
          <CardTitle id="recent-imports-heading">Recent imports</CardTitle>
        </CardHeader>
        <CardContent>
          {imports.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              Nothing imported yet. Imports you start appear here.
            </p>
          ) : (
            <ul className="flex flex-col divide-y">
              {imports.map((item) => {
                const badge = IMPORT_STATE_BADGES[item.state];
                return (
                  <li key={item.id} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0">
                    <Link
                      href={item.document ? item.document.url : `/documents/new?import=${item.id}`}
                      className="font-medium text-foreground underline-offset-4 hover:text-brand hover:underline"
                    >
                      {item.document?.title ?? item.title ?? item.fileName ?? "Pasted text"}
                    </Link>
                    <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                      <ToneBadge tone={badge.tone}>{badge.label}</ToneBadge>
                      <time dateTime={item.createdAt}>{formatDateTime(new Date(item.createdAt))}</time>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </CardContent>
      </section>
    </Card>
  );
}
