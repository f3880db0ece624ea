"use client";

import { useEffect, useState } from "react";
import { Card } from "@/components/ui/card";
import { AlertIcon } from "@/components/ui/icons";

// In production a server error reaches the browser as a placeholder message (the real one could leak
// details); only its digest, which matches the server log, is worth showing. Client errors keep their message.
function describe(error: unknown): { message?: string; digest?: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const digest = "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  const messageIsPlaceholder = digest !== undefined && process.env.NODE_ENV === "production";
  return { message: messageIsPlaceholder ? undefined : error.message, digest };
}

/**
 * Whether the database is unavailable now, by GET /api/health: the placeholder does not say why the page failed, and
 * a database that went away while the page rendered is the one cause a person should hear about (and wait out).
 */
function useDatabaseUnavailable(error: unknown): boolean {
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/health", { cache: "no-store", signal: controller.signal })
      .then((response) => setUnavailable(response.status === 503))
      // No answer at all: the server is what is missing, and the page says what it can.
      .catch(() => {});
    return () => controller.abort();
  }, [error]);
  return unavailable;
}

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const { message, digest } = describe(error);
  const databaseUnavailable = useDatabaseUnavailable(error);

  return (
    <Card role="alert" className="mx-auto flex max-w-xl flex-col gap-4 p-6 sm:p-8">
      <div className="flex items-center gap-3">
        <span className="grid size-10 shrink-0 place-items-center rounded-full bg-muted text-warning">
          <AlertIcon className="size-5" />
        </span>
        <h1 className="text-xl font-semibold tracking-tight">
          {databaseUnavailable ? "The database is unavailable" : "This page could not be loaded"}
        </h1>
      </div>
      {databaseUnavailable ? (
        <p className="text-muted-foreground">
          ClaimDesk cannot reach its database at the moment, so this page could not be loaded. Nothing saved
          is lost: try again in a moment.
        </p>
      ) : (
        <p className="text-muted-foreground">
          Something went wrong while loading this page. Try again; if it keeps failing, report it with the
          details below.
        </p>
      )}
      {message || digest ? (
        <dl className="flex flex-col gap-2 rounded-lg border bg-muted/50 p-4 text-sm">
          {message ? (
            <div className="flex flex-col gap-0.5">
              <dt className="font-medium">Message</dt>
              <dd>
                {/* Development messages can run to a whole stack; keep them scrollable and reachable by keyboard. */}
                <pre
                  tabIndex={0}
                  className="max-h-40 overflow-auto font-mono text-xs break-words whitespace-pre-wrap text-muted-foreground"
                >
                  {message}
                </pre>
              </dd>
            </div>
          ) : null}
          {digest ? (
            <div className="flex flex-col gap-0.5">
              <dt className="font-medium">Error digest</dt>
              <dd className="font-mono text-muted-foreground">{digest}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <div>
        <button
          type="button"
          onClick={() => retry()}
          className="inline-flex h-10 items-center rounded-md bg-brand px-4 text-sm font-medium text-white transition-opacity hover:opacity-90 dark:text-background"
        >
          Try again
        </button>
      </div>
    </Card>
  );
}
