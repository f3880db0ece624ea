"use client";

import { AdminEditPanel, RecordFormFooter, useRecordForm } from "@/components/records/admin-edit-panel";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { updateSource } from "@/lib/actions/catalog";
import type { SourceEdit } from "@/lib/data/catalog";
import { SOURCE_KIND_OPTIONS, SOURCE_RELIABILITY_OPTIONS } from "@/lib/domain/options";
import type { SourceKind, SourceReliability } from "@/lib/generated/prisma/enums.ts";

export function SourceEditForm({ source }: { source: SourceEdit }) {
  const { values, set, errors, message, pending, onSubmit } = useRecordForm({
    initial: {
      title: source.title,
      publisher: source.publisher ?? "",
      url: source.url ?? "",
      kind: source.kind,
      reliability: source.reliability ?? ("" as const),
      notes: source.notes ?? "",
    },
    token: source.version,
    save: (next, version) =>
      updateSource({ id: source.id, version, ...next, reliability: next.reliability || null }),
    tokenOf: (saved) => saved.version,
  });
  return (
    <AdminEditPanel title="Edit source" description="Title, publisher, address, kind, reliability and notes.">
      <form aria-label="Edit the source" className="flex flex-col gap-4" onSubmit={onSubmit}>
        <Field id="source-title" label="Title" error={errors.title?.[0]}>
          {(described) => (
            <Input
              id="source-title"
              value={values.title}
              maxLength={300}
              onChange={(event) => set("title", event.target.value)}
              {...described}
            />
          )}
        </Field>
        <Field id="source-publisher" label="Publisher" error={errors.publisher?.[0]}>
          {(described) => (
            <Input
              id="source-publisher"
              value={values.publisher}
              maxLength={200}
              onChange={(event) => set("publisher", event.target.value)}
              {...described}
            />
          )}
        </Field>
        <Field id="source-url" label="Address" error={errors.url?.[0]}>
          {(described) => (
            <Input
              id="source-url"
              type="url"
              value={values.url}
              placeholder="https://"
              onChange={(event) => set("url", event.target.value)}
              {...described}
            />
          )}
        </Field>
        <Field id="source-kind" label="Kind" error={errors.kind?.[0]}>
          {(described) => (
            <Select
              id="source-kind"
              value={values.kind}
              onChange={(event) => set("kind", event.target.value as SourceKind)}
              {...described}
            >
              {SOURCE_KIND_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="source-reliability" label="Reliability" error={errors.reliability?.[0]}>
          {(described) => (
            <Select
              id="source-reliability"
              value={values.reliability}
              onChange={(event) => set("reliability", event.target.value as SourceReliability | "")}
              {...described}
            >
              <option value="">Not yet rated</option>
              {SOURCE_RELIABILITY_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="source-notes" label="Notes" error={errors.notes?.[0]}>
          {(described) => (
            <Textarea
              id="source-notes"
              value={values.notes}
              maxLength={4000}
              onChange={(event) => set("notes", event.target.value)}
              {...described}
            />
          )}
        </Field>
        <RecordFormFooter message={message} pending={pending} />
      </form>
    </AdminEditPanel>
  );
}
