"use client";

// The import form, then the import it started, followed stage by stage until its draft is ready. The file goes to
// POST /api/imports (a route, not a server action: an upload is larger than an action may be) with the upload's own
// progress shown; the import is then followed through GET /api/imports/<id>. Everything typed stays in the form when
// the server refuses it.
import { clsx } from "clsx";
import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, FormMessage, Input, Textarea } from "@/components/ui/field";
import { AlertIcon, CheckIcon } from "@/components/ui/icons";
import { UPLOAD_LIMIT_BYTES } from "@/lib/actions/limits";
import { formatCount, formatNumber } from "@/lib/format";
import type { ImportJson } from "@/lib/imports/present";

type Source = "file" | "text";
const EMPTY = { title: "", publisher: "", url: "", publishedAt: "", text: "" };
const ACCEPT = ".txt,.md,.markdown,.html,.htm,.docx,.pdf";
/** How often a running import is asked after: the stages move every second or so. */
const POLL_MS = 1_000;
const MB = 1024 * 1024;

export function ImportPanel({ initial }: { initial: ImportJson | null }) {
  const [followed, setFollowed] = useState<ImportJson | null>(initial);
  if (followed) {
    return <ImportProgress key={followed.id} initial={followed} onAnother={() => setFollowed(null)} />;
  }
  return <ImportForm onQueued={setFollowed} />;
}

function ImportForm({ onQueued }: { onQueued: (job: ImportJson) => void }) {
  const [source, setSource] = useState<Source>("file");
  const [values, setValues] = useState(EMPTY);
  const [file, setFile] = useState<File | null>(null);
  /** Until the person types a title, it follows the document's (the pasted text's first line, a file's title). */
  const [titleTyped, setTitleTyped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const set = (key: keyof typeof EMPTY) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }));

  function suggestTitle(title: string | null) {
    if (!titleTyped) set("title")(title ?? "");
  }

  async function onFile(chosen: File | null) {
    setFile(chosen);
    setError(chosen && chosen.size > UPLOAD_LIMIT_BYTES ? tooLarge(chosen.size) : null);
    suggestTitle(chosen ? await titleOfFile(chosen) : null);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (source === "file" && !file) return setError("Choose a file to import, or paste the text instead.");
    if (source === "file" && file && file.size > UPLOAD_LIMIT_BYTES) return setError(tooLarge(file.size));
    if (source === "text" && !values.text.trim())
      return setError("Paste the report's text, or choose a file.");
    const form = new FormData();
    if (source === "file" && file) form.append("file", file);
    else form.append("text", values.text);
    for (const key of ["title", "publisher", "url", "publishedAt"] as const) form.append(key, values[key]);
    setUploaded(0);
    upload(form, setUploaded).then(
      (job) => {
        window.history.replaceState(null, "", `/documents/new?import=${job.id}`);
        onQueued(job);
      },
      (reason: unknown) => {
        setUploaded(null);
        setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
  }

  const sending = uploaded !== null;
  return (
    <Card>
      <section aria-labelledby="import-heading">
        <CardHeader>
          <CardTitle id="import-heading">New import</CardTitle>
          <CardDescription>
            PDF (with a text layer), Word (.docx), a web page (.html), Markdown or plain text, up to{" "}
            {UPLOAD_LIMIT_BYTES / MB} MB.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form
            aria-labelledby="import-heading"
            className="flex flex-col gap-5"
            onSubmit={onSubmit}
            noValidate
          >
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-sm font-medium">What to import</legend>
              <div className="inline-flex w-fit rounded-md border bg-muted p-1">
                {(
                  [
                    ["file", "Upload a file"],
                    ["text", "Paste text"],
                  ] as const
                ).map(([value, label]) => (
                  <label
                    key={value}
                    className={clsx(
                      "cursor-pointer rounded px-3 py-1.5 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                      source === value ? "bg-surface text-foreground shadow-xs" : "text-muted-foreground",
                    )}
                  >
                    <input
                      type="radio"
                      name="source"
                      value={value}
                      checked={source === value}
                      onChange={() => {
                        setSource(value);
                        setError(null);
                        suggestTitle(value === "text" ? firstLine(values.text) : null);
                      }}
                      className="sr-only"
                    />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>

            {source === "file" ? (
              <Field
                id="import-file"
                label="File"
                hint={
                  file ? `${file.name}, ${formatSize(file.size)}` : "The format is read from the file itself."
                }
              >
                {(described) => (
                  <Input
                    id="import-file"
                    type="file"
                    accept={ACCEPT}
                    className="py-2 file:mr-3 file:rounded file:border-0 file:bg-muted file:px-2 file:py-1 file:text-sm file:text-foreground"
                    onChange={(event) => void onFile(event.target.files?.[0] ?? null)}
                    {...described}
                  />
                )}
              </Field>
            ) : (
              <Field
                id="import-text"
                label="Text"
                hint="Headings on lines of their own are kept as sections."
              >
                {(described) => (
                  <Textarea
                    id="import-text"
                    value={values.text}
                    rows={12}
                    onChange={(event) => {
                      set("text")(event.target.value);
                      suggestTitle(firstLine(event.target.value));
                    }}
                    {...described}
                  />
                )}
              </Field>
            )}

            <Field
              id="import-title"
              label="Title"
              hint={titleTyped ? undefined : "Taken from the document; change it if it is wrong."}
            >
              {(described) => (
                <Input
                  id="import-title"
                  value={values.title}
                  maxLength={300}
                  placeholder={source === "file" && !file ? "The document's own title" : undefined}
                  onChange={(event) => {
                    setTitleTyped(true);
                    set("title")(event.target.value);
                  }}
                  {...described}
                />
              )}
            </Field>
            <div className="grid gap-5 sm:grid-cols-2">
              <Field id="import-publisher" label="Publisher">
                {(described) => (
                  <Input
                    id="import-publisher"
                    value={values.publisher}
                    maxLength={200}
                    onChange={(event) => set("publisher")(event.target.value)}
                    {...described}
                  />
                )}
              </Field>
              <Field id="import-published" label="Publication date">
                {(described) => (
                  <Input
                    id="import-published"
                    type="date"
                    value={values.publishedAt}
                    max={new Date().toISOString().slice(0, 10)}
                    onChange={(event) => set("publishedAt")(event.target.value)}
                    {...described}
                  />
                )}
              </Field>
            </div>
            <Field id="import-url" label="Web address" hint="Where the report was published, if online.">
              {(described) => (
                <Input
                  id="import-url"
                  type="url"
                  inputMode="url"
                  value={values.url}
                  maxLength={2000}
                  placeholder="https://"
                  onChange={(event) => set("url")(event.target.value)}
                  {...described}
                />
              )}
            </Field>

            <div aria-live="polite" className="flex flex-col gap-2">
              {error ? <FormMessage tone="error">{error}</FormMessage> : null}
              {sending ? (
                <>
                  <label htmlFor="import-upload-progress" className="text-sm text-muted-foreground">
                    Sending… {uploaded}%
                  </label>
                  <progress
                    id="import-upload-progress"
                    className="w-full accent-brand"
                    value={uploaded}
                    max={100}
                  />
                </>
              ) : null}
            </div>
            <Button type="submit" variant="primary" disabled={sending} className="w-fit">
              {sending ? "Sending…" : "Import"}
            </Button>
          </form>
        </CardContent>
      </section>
    </Card>
  );
}

function ImportProgress({ initial, onAnother }: { initial: ImportJson; onAnother: () => void }) {
  const [job, setJob] = useState(initial);
  const [lost, setLost] = useState(false);
  const finished = job.state === "SUCCEEDED" || job.state === "FAILED";
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (finished) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(job.url, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        if (!cancelled) {
          setLost(false);
          setJob((await response.json()) as ImportJson);
        }
      } catch {
        // Asked again at the next tick; the import goes on on the server meanwhile.
        if (!cancelled) setLost(true);
        if (!cancelled) setJob((current) => ({ ...current }));
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [job, finished]);

  useEffect(() => {
    if (finished) heading.current?.focus();
  }, [finished]);

  const name = job.document?.title ?? job.title ?? job.fileName ?? "Pasted text";
  return (
    <Card>
      <section aria-labelledby="import-progress-heading">
        <CardHeader>
          <CardTitle id="import-progress-heading" ref={heading} tabIndex={-1} className="outline-none">
            {job.state === "SUCCEEDED" ? "Imported" : job.state === "FAILED" ? "Import failed" : "Importing…"}
          </CardTitle>
          <CardDescription>{name}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-5">
          <ol aria-label="Stages" className="flex flex-col gap-3">
            {job.stages.map((stage) => (
              <li key={stage.name} className="flex items-center gap-3 text-sm">
                <StageMark status={stage.status} />
                <span className={clsx(stage.status === "waiting" && "text-muted-foreground")}>
                  {stage.label}
                  <span className="sr-only">: {STATUS_WORDS[stage.status]}</span>
                </span>
              </li>
            ))}
          </ol>
          {job.progress ? (
            <div className="flex flex-col gap-1.5">
              <label htmlFor="import-save-progress" className="text-sm text-muted-foreground">
                {formatNumber(job.progress.done)} of {formatNumber(job.progress.total)} candidate claims saved
              </label>
              <progress
                id="import-save-progress"
                className="w-full accent-brand"
                value={job.progress.done}
                max={job.progress.total}
              />
            </div>
          ) : null}
          <div aria-live="polite" className="flex flex-col gap-3">
            {lost && !finished ? (
              <p className="text-sm text-muted-foreground">
                Cannot reach ClaimDesk at the moment; the import goes on and this page will catch up.
              </p>
            ) : null}
            {job.state === "QUEUED" && !lost ? (
              <p className="text-sm text-muted-foreground">
                Waiting for the importer. If this lasts, the import worker may not be running: `npm run dev`
                and `npm start` start it.
              </p>
            ) : null}
            {job.state === "FAILED" ? <FormMessage tone="error">{job.error}</FormMessage> : null}
            {job.state === "SUCCEEDED" && job.document ? (
              <FormMessage tone="success">
                {job.duplicate
                  ? "This text was imported before; nothing new was written. "
                  : `${formatCount(job.document.claims, "candidate claim", "candidate claims")}, ${formatCount(job.document.proposedEntities, "proposed new entity", "proposed new entities")}, ${formatCount(job.document.skippedSentences, "sentence", "sentences")} left out. `}
                {job.document.draft
                  ? "It is a draft: only reviewers and admins see it until an admin publishes it."
                  : null}
              </FormMessage>
            ) : null}
          </div>
          {finished ? (
            <div className="flex flex-wrap gap-3">
              {job.document ? (
                <Link href={job.document.url} className={buttonClasses("primary")}>
                  {job.document.draft ? "Open the draft" : "Open the document"}
                </Link>
              ) : null}
              <Button
                onClick={() => {
                  window.history.replaceState(null, "", "/documents/new");
                  onAnother();
                }}
              >
                Import another report
              </Button>
            </div>
          ) : null}
        </CardContent>
      </section>
    </Card>
  );
}

const STATUS_WORDS = { done: "done", current: "in progress", failed: "failed", waiting: "waiting" } as const;

function StageMark({ status }: { status: keyof typeof STATUS_WORDS }) {
  if (status === "done")
    return <CheckIcon aria-hidden className="size-5 text-emerald-600 dark:text-emerald-400" />;
  if (status === "failed") return <AlertIcon aria-hidden className="size-5 text-red-600 dark:text-red-400" />;
  return (
    <span
      aria-hidden
      className={clsx(
        "inline-block size-5 rounded-full border-2",
        status === "current" ? "animate-spin border-brand border-t-transparent" : "border-border",
      )}
    />
  );
}

/** POSTs the form with XMLHttpRequest, the one browser API that reports an upload's progress. */
function upload(form: FormData, onProgress: (percent: number) => void): Promise<ImportJson> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/imports");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((100 * event.loaded) / event.total));
    };
    request.onload = () => {
      const body = request.response as (ImportJson & { error?: string }) | null;
      if (request.status === 202 && body) return resolve(body);
      reject(new Error(refusal(request.status, body?.error)));
    };
    request.onerror = () =>
      reject(new Error("Could not reach ClaimDesk. Check your connection and try again."));
    request.send(form);
  });
}

function refusal(status: number, error: string | undefined): string {
  if (status === 401)
    return "Your session has ended. Sign in again (in another tab, to keep this form), then import.";
  if (status === 403) return "Your role does not allow importing reports. An admin can change it.";
  if (status === 503) return "The database is unavailable. Nothing was imported; try again in a moment.";
  return error ?? `The import could not be started (${status}). Try again.`;
}

function tooLarge(size: number): string {
  return `The file is ${formatSize(size)}; ClaimDesk imports files up to ${UPLOAD_LIMIT_BYTES / MB} MB.`;
}

function formatSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function firstLine(text: string): string | null {
  const line =
    text
      .split("\n")
      .find((candidate) => candidate.trim())
      ?.trim() ?? "";
  return line ? line.replace(/^#+\s*/, "").slice(0, 300) : null;
}

/**
 * A text file's title as the importer would take it: an HTML page's <title> or first h1, a Markdown or text file's
 * first line. Word and PDF titles are read on the server, which fills in the title left blank.
 */
async function titleOfFile(file: File): Promise<string | null> {
  const name = file.name.toLowerCase();
  if (file.size > 5 * MB || !/\.(txt|md|markdown|html?)$/.test(name)) return null;
  const text = await file.text();
  if (/\.html?$/.test(name)) {
    const page = new DOMParser().parseFromString(text, "text/html");
    return (
      (page.querySelector("h1")?.textContent ?? page.title).trim().replace(/\s+/g, " ").slice(0, 300) || null
    );
  }
  return firstLine(text);
}
