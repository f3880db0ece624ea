// What a server action request may be, for the three places that need it: next.config.js gives Next.js the limit and
// the origins, proxy.ts refuses what Next.js would refuse (with 413 and 403 rather than Next.js's 500), and the forms
// show the message proxy.ts answers with. JavaScript with no imports, because Node loads next.config.js, and this
// file with it, before anything is compiled.

/** Next.js's default (1 MB), set explicitly so that proxy.ts refuses at the same size. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export const ACTION_TOO_LARGE_MESSAGE = `This request is larger than the ${ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB the server accepts from a form, so nothing was saved. What you entered is still here.`;

export const ACTION_FROM_ANOTHER_SITE_MESSAGE =
  "This request came from another site, so the server refused it and nothing was saved.";

/**
 * Hosts besides the request's own whose pages may call the actions (Next.js's serverActions.allowedOrigins): the
 * public address in NEXTAUTH_URL, for a reverse proxy that passes on neither the Host it was asked for nor
 * X-Forwarded-Host. Read from the environment the server starts with.
 */
/** @returns {string[]} */
export function allowedActionOrigins() {
  const publicUrl = process.env.NEXTAUTH_URL;
  if (!publicUrl) return [];
  try {
    return [new URL(publicUrl).host];
  } catch {
    // lib/env.ts reports a malformed NEXTAUTH_URL where it is used; it names no origin here.
    return [];
  }
}

/**
 * The largest document an import reads (lib/ingest/formats/read-document.ts): a 300-page report is a few megabytes as
 * text, Word or PDF, and tens with its pictures. Larger files are refused before any parsing.
 */
export const UPLOAD_LIMIT_BYTES = 40 * 1024 * 1024;

/**
 * An import request's body: the file and the form's few fields around it. Next.js hands a route behind proxy.ts only
 * this much of a body (proxyClientMaxBodySize, next.config.js) and drops the rest, so app/api/imports refuses a body
 * that reaches it as too large rather than reading a truncated file.
 */
export const UPLOAD_REQUEST_LIMIT_BYTES = UPLOAD_LIMIT_BYTES + 1024 * 1024;
