"use client";

// A note's evidence: none, a source from the catalog (searched as you type), or a new source by its address.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { SOURCE_KIND_OPTIONS } from "@/lib/domain/options";
import type { SourceKind } from "@/lib/generated/prisma/enums.ts";
import type { EvidenceInput } from "@/lib/validations/annotations";

export type SourceChoice = { id: number; title: string; publisher: string | null };

export type EvidenceDraft = {
  kind: EvidenceInput["kind"];
  source: SourceChoice | null;
  url: string;
  title: string;
  publisher: string;
  sourceKind: SourceKind;
};

export const NO_EVIDENCE: EvidenceDraft = {
  kind: "none",
  source: null,
  url: "",
  title: "",
  publisher: "",
  sourceKind: "NEWS",
};

export function evidenceInput(draft: EvidenceDraft): EvidenceInput {
  if (draft.kind === "existing") return { kind: "existing", sourceId: draft.source?.id ?? 0 };
  if (draft.kind === "new") {
    const { url, title, publisher, sourceKind } = draft;
    return { kind: "new", url, title, publisher, sourceKind };
  }
  return { kind: "none" };
}

const CHOICES: { value: EvidenceDraft["kind"]; label: string }[] = [
  { value: "none", label: "None" },
  { value: "existing", label: "A source in the catalog" },
  { value: "new", label: "A new source by URL" },
];

interface EvidencePickerProps {
  id: string;
  value: EvidenceDraft;
  onChange: (value: EvidenceDraft) => void;
  /** Messages by field: "sourceId", "url", "title", "publisher", "sourceKind", or "" for the whole. */
  errors: Record<string, string | undefined>;
}

export function EvidencePicker({ id, value, onChange, errors }: EvidencePickerProps) {
  const set = (patch: Partial<EvidenceDraft>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border px-3 pt-1 pb-3">
      <legend className="px-1 text-sm font-medium">Evidence</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {CHOICES.map((choice) => (
          <label key={choice.value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-kind`}
              value={choice.value}
              checked={value.kind === choice.value}
              onChange={() => set({ kind: choice.value })}
              className="accent-brand"
            />
            {choice.label}
          </label>
        ))}
      </div>
      {errors[""] ? <p className="text-sm text-red-700 dark:text-red-400">{errors[""]}</p> : null}
      {value.kind === "existing" ? (
        value.source ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>
              Source: <span className="font-medium">{value.source.title}</span>
              {value.source.publisher ? ` · ${value.source.publisher}` : null}
            </span>
            <Button className="h-8" onClick={() => set({ source: null })}>
              Change source
            </Button>
          </div>
        ) : (
          <SourceSearch id={`${id}-search`} error={errors.sourceId} onPick={(source) => set({ source })} />
        )
      ) : null}
      {value.kind === "new" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={`${id}-url`} label="URL" error={errors.url} className="sm:col-span-2">
            {(described) => (
              <Input
                id={`${id}-url`}
                type="url"
                inputMode="url"
                placeholder="https://…"
                value={value.url}
                onChange={(event) => set({ url: event.target.value })}
                {...described}
              />
            )}
          </Field>
          <Field id={`${id}-title`} label="Title" error={errors.title} className="sm:col-span-2">
            {(described) => (
              <Input
                id={`${id}-title`}
                value={value.title}
                onChange={(event) => set({ title: event.target.value })}
                {...described}
              />
            )}
          </Field>
          <Field id={`${id}-publisher`} label="Publisher" error={errors.publisher}>
            {(described) => (
              <Input
                id={`${id}-publisher`}
                value={value.publisher}
                onChange={(event) => set({ publisher: event.target.value })}
                {...described}
              />
            )}
          </Field>
          <Field id={`${id}-source-kind`} label="Kind" error={errors.sourceKind}>
            {(described) => (
              <Select
                id={`${id}-source-kind`}
                value={value.sourceKind}
                onChange={(event) => set({ sourceKind: event.target.value as SourceKind })}
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
        </div>
      ) : null}
    </fieldset>
  );
}

type SearchState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "done"; sources: SourceChoice[] }
  | { status: "failed" };

/** Searches the catalog's titles and publishers through the public sources API, a moment after typing stops. */
function SourceSearch({
  id,
  error,
  onPick,
}: {
  id: string;
  error?: string;
  onPick: (source: SourceChoice) => void;
}) {
  const [query, setQuery] = useState("");
  const [state, setState] = useState<SearchState>({ status: "idle" });

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState({ status: "loading" });
      try {
        const response = await fetch(`/api/sources?size=8&q=${encodeURIComponent(query.trim())}`, {
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(String(response.status));
        const { data } = (await response.json()) as { data: SourceChoice[] };
        setState({
          status: "done",
          sources: data.map(({ id, title, publisher }) => ({ id, title, publisher })),
        });
      } catch {
        if (!controller.signal.aborted) setState({ status: "failed" });
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return (
    <div className="flex flex-col gap-2">
      <Field id={id} label="Search sources" hint="Title or publisher" error={error}>
        {(described) => (
          <Input
            id={id}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            {...described}
          />
        )}
      </Field>
      <div aria-live="polite" className="text-sm">
        {state.status === "loading" ? <p className="text-muted-foreground">Searching…</p> : null}
        {state.status === "failed" ? (
          <p className="text-red-700 dark:text-red-400">The sources could not be searched. Try again.</p>
        ) : null}
        {state.status === "done" && state.sources.length === 0 ? (
          <p className="text-muted-foreground">No source matches. Add it by URL instead.</p>
        ) : null}
      </div>
      {state.status === "done" && state.sources.length > 0 ? (
        <ul aria-label="Matching sources" className="flex flex-col gap-1">
          {state.sources.map((source) => (
            <li key={source.id}>
              <button
                type="button"
                onClick={() => onPick(source)}
                className="w-full rounded-md px-2.5 py-1.5 text-left text-sm outline-none hover:bg-muted focus-visible:bg-muted focus-visible:ring-2 focus-visible:ring-ring"
              >
                <span className="font-medium">{source.title}</span>
                {source.publisher ? (
                  <span className="text-muted-foreground"> · {source.publisher}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
