// Answers of the read-only JSON API and the export: never cached, errors as `{ error }` with a fitting status.
import { AuthorizationError } from "@/lib/auth/permissions";

/** Claims change under review; a stale copy in a browser or proxy would show a verdict that no longer holds. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function jsonError(status: number, message: string): Response {
  return json({ error: message }, status);
}

/** Runs a handler so that a failed read answers JSON like every other error, not Next's HTML error page. */
export async function answer(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof AuthorizationError) {
      return jsonError(error.reason === "signed-out" ? 401 : 403, error.message);
    }
    console.error(error);
    return jsonError(500, "The request failed on the server. Try again; if it keeps failing, report it.");
  }
}
