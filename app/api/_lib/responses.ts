// Answers of the read-only JSON API and the export: never cached, errors as `{ error }` with a fitting status.
import { AuthorizationError } from "@/lib/auth/permissions";
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailable, warnDatabaseUnavailable } from "@/lib/data/errors";

/** Claims change under review; a stale copy in a browser or proxy would show a verdict that no longer holds. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function jsonError(status: number, message: string): Response {
  return json({ error: message }, status);
}

/** 503 with the wait to try again after: the request was fine, the database could not answer it. */
export function databaseUnavailable(): Response {
  return json({ error: "The database is unavailable. Try again in a moment." }, 503, {
    "Retry-After": String(DATABASE_RETRY_AFTER_S),
  });
}

/** Runs a handler so that a failed read answers JSON like every other error, not Next's HTML error page. */
export async function answer(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof AuthorizationError) {
      return jsonError(error.reason === "signed-out" ? 401 : 403, error.message);
    }
    if (isDatabaseUnavailable(error)) {
      warnDatabaseUnavailable("An API request", error);
      return databaseUnavailable();
    }
    console.error(error);
    return jsonError(500, "The request failed on the server. Try again; if it keeps failing, report it.");
  }
}
