// The side panels of an entity's profile: its names, its place among other entities, and who it is named with.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { EntityProfile } from "@/lib/data/entities";
import { ENTITY_KIND_OPTIONS, labelOf } from "@/lib/domain/options";
import { formatNumber, languageName } from "@/lib/format";
import { claimsHref, withEntities } from "@/lib/queries/drill-down";
import type { ClaimsQuery } from "@/lib/validations/claims";

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card>
      <section aria-labelledby={id}>
        <CardHeader>
          <CardTitle id={id}>{title}</CardTitle>
        </CardHeader>
        <CardContent className="pt-3 sm:pt-3">{children}</CardContent>
      </section>
    </Card>
  );
}

export function EntityNames({ entity }: { entity: EntityProfile }) {
  // Map.groupBy needs Node 21; the app supports Node 20.
  const byLanguage = new Map<string, EntityProfile["aliases"]>();
  for (const alias of entity.aliases)
    byLanguage.set(alias.language, [...(byLanguage.get(alias.language) ?? []), alias]);
  return (
    <Panel id="entity-names-heading" title="Also known as">
      {byLanguage.size === 0 ? (
        <p className="text-sm text-muted-foreground">No other names are recorded.</p>
      ) : (
        <dl className="flex flex-col gap-3 text-sm">
          {[...byLanguage].map(([language, aliases]) => (
            <div key={language} className="flex flex-col gap-1">
              <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">
                {languageName(language)}
              </dt>
              <dd>
                <ul className="flex flex-wrap gap-1.5">
                  {aliases.map((alias) => (
                    <li key={alias.alias} lang={alias.language} className="rounded-md bg-muted px-2 py-0.5">
                      {alias.alias}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Panel>
  );
}

export function EntityFamily({ entity }: { entity: EntityProfile }) {
  if (!entity.parent && entity.children.length === 0) return null;
  return (
    <Panel id="entity-family-heading" title="Related entities">
      <dl className="flex flex-col gap-3 text-sm">
        {entity.parent ? (
          <div className="flex flex-col gap-1">
            <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Part of</dt>
            <dd>
              <EntityLink entity={entity.parent} />
            </dd>
          </div>
        ) : null}
        {entity.children.length > 0 ? (
          <div className="flex flex-col gap-1">
            <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Includes</dt>
            <dd>
              <ul className="flex flex-col gap-1">
                {entity.children.map((child) => (
                  <li key={child.id}>
                    <EntityLink entity={child} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
    </Panel>
  );
}

export function EntityCoMentions({ entity, query }: { entity: EntityProfile; query: ClaimsQuery }) {
  const max = Math.max(1, ...entity.coMentions.map((co) => co.claims));
  return (
    <Panel id="entity-co-mentions-heading" title="Named alongside">
      {entity.coMentions.length === 0 ? (
        <p className="text-sm text-muted-foreground">No claim names it together with another entity.</p>
      ) : (
        <ol className="flex flex-col gap-2.5 text-sm">
          {entity.coMentions.map((co) => (
            <li key={co.id} className="flex flex-col gap-1">
              <span className="flex items-baseline justify-between gap-3">
                <EntityLink entity={co} />
                {/* The count opens the claims naming both. */}
                <Link
                  href={claimsHref(withEntities(query, co.slug))}
                  prefetch={false}
                  className="text-xs text-brand tabular-nums underline-offset-4 hover:underline"
                >
                  {formatNumber(co.claims)}
                  <span className="sr-only"> {co.claims === 1 ? "claim" : "claims"} together</span>
                </Link>
              </span>
              <span aria-hidden="true" className="h-1 overflow-hidden rounded-full bg-muted">
                <span
                  className="block h-full rounded-full bg-bar"
                  style={{ width: `${(co.claims / max) * 100}%` }}
                />
              </span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

function EntityLink({ entity }: { entity: { id: number; name: string; kind: EntityProfile["kind"] } }) {
  return (
    <span>
      <Link
        href={`/entities/${entity.id}`}
        className="font-medium text-foreground underline-offset-4 hover:text-brand hover:underline"
      >
        {entity.name}
      </Link>
      <span className="text-xs text-muted-foreground"> · {labelOf(ENTITY_KIND_OPTIONS, entity.kind)}</span>
    </span>
  );
}
