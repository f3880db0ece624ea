"use client";

import { AdminEditPanel, RecordFormFooter, useRecordForm } from "@/components/records/admin-edit-panel";
import { Field, Input, Select } from "@/components/ui/field";
import { updateClaim } from "@/lib/actions/catalog";
import type { ClaimEdit } from "@/lib/data/catalog";
import { CLAIM_KIND_OPTIONS } from "@/lib/domain/options";
import type { ClaimKind } from "@/lib/generated/prisma/enums.ts";

export function ClaimEditForm({
  claim,
  sectorOptions,
}: {
  claim: ClaimEdit;
  sectorOptions: { slug: string; name: string }[];
}) {
  const { values, set, errors, message, pending, onSubmit } = useRecordForm({
    initial: {
      kind: claim.kind,
      sectors: claim.sectors,
      citationMissing: claim.citationMissing,
      asOf: claim.asOf,
    },
    token: claim.version,
    save: (next, version) => updateClaim({ id: claim.id, version, ...next }),
    tokenOf: (saved) => saved.version,
  });
  return (
    <AdminEditPanel
      title="Edit classification"
      description="Kind, sectors, lost citation and date. The claim's text is the document's own words, verbatim, and cannot be edited."
    >
      <form aria-label="Edit the claim's classification" className="flex flex-col gap-4" onSubmit={onSubmit}>
        <Field id="claim-kind" label="Kind" error={errors.kind?.[0]}>
          {(described) => (
            <Select
              id="claim-kind"
              value={values.kind}
              onChange={(event) => set("kind", event.target.value as ClaimKind)}
              {...described}
            >
              {CLAIM_KIND_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">Sectors</legend>
          {sectorOptions.map((sector) => (
            <label key={sector.slug} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-brand"
                checked={values.sectors.includes(sector.slug)}
                onChange={(event) =>
                  set(
                    "sectors",
                    event.target.checked
                      ? [...values.sectors, sector.slug]
                      : values.sectors.filter((slug) => slug !== sector.slug),
                  )
                }
              />
              {sector.name}
            </label>
          ))}
          {errors.sectors?.[0] ? (
            <p className="text-sm text-red-700 dark:text-red-400">{errors.sectors[0]}</p>
          ) : null}
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-brand"
            checked={values.citationMissing}
            onChange={(event) => set("citationMissing", event.target.checked)}
          />
          A citation was lost here
        </label>
        <Field
          id="claim-as-of"
          label="As of"
          hint="2025, 2025-03 or 2025-03-14; empty when the claim gives no date."
          error={errors.asOf?.[0]}
        >
          {(described) => (
            <Input
              id="claim-as-of"
              value={values.asOf}
              maxLength={10}
              placeholder="2025-03"
              onChange={(event) => set("asOf", event.target.value)}
              {...described}
            />
          )}
        </Field>
        <RecordFormFooter message={message} pending={pending} />
      </form>
    </AdminEditPanel>
  );
}
