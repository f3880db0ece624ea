"use client";

import { AdminEditPanel, RecordFormFooter, useRecordForm } from "@/components/records/admin-edit-panel";
import { Field, Input, Textarea } from "@/components/ui/field";
import { updateEntity } from "@/lib/actions/catalog";
import type { EntityEdit } from "@/lib/data/catalog";

export function EntityEditForm({ entity }: { entity: EntityEdit }) {
  const { values, set, errors, message, pending, onSubmit } = useRecordForm({
    initial: {
      name: entity.name,
      description: entity.description ?? "",
      country: entity.country ?? "",
      aliases: entity.aliases.join("\n"),
    },
    token: entity.version,
    save: (next, version) =>
      updateEntity({
        id: entity.id,
        version,
        ...next,
        aliases: next.aliases
          .split("\n")
          .map((alias) => alias.trim())
          .filter(Boolean),
      }),
    tokenOf: (saved) => saved.version,
  });
  const aliasError = Object.entries(errors).find(([key]) => key.startsWith("aliases"))?.[1]?.[0];
  return (
    <AdminEditPanel
      title="Edit entity"
      description="New aliases are used when documents are imported from now on; claims already imported keep their links."
    >
      <form aria-label="Edit the entity" className="flex flex-col gap-4" onSubmit={onSubmit}>
        <Field id="entity-name" label="Name" error={errors.name?.[0]}>
          {(described) => (
            <Input
              id="entity-name"
              value={values.name}
              maxLength={200}
              onChange={(event) => set("name", event.target.value)}
              {...described}
            />
          )}
        </Field>
        <Field id="entity-description" label="Description" error={errors.description?.[0]}>
          {(described) => (
            <Textarea
              id="entity-description"
              value={values.description}
              maxLength={2000}
              onChange={(event) => set("description", event.target.value)}
              {...described}
            />
          )}
        </Field>
        <Field
          id="entity-country"
          label="Country"
          hint="ISO code such as CN or US; empty for none."
          error={errors.country?.[0]}
        >
          {(described) => (
            <Input
              id="entity-country"
              value={values.country}
              maxLength={2}
              className="w-24 uppercase"
              onChange={(event) => set("country", event.target.value)}
              {...described}
            />
          )}
        </Field>
        <Field
          id="entity-aliases"
          label="Aliases"
          hint="One per line. Names in Chinese characters are recorded as Chinese."
          error={aliasError}
        >
          {(described) => (
            <Textarea
              id="entity-aliases"
              value={values.aliases}
              onChange={(event) => set("aliases", event.target.value)}
              {...described}
            />
          )}
        </Field>
        <RecordFormFooter message={message} pending={pending} />
      </form>
    </AdminEditPanel>
  );
}
