// POST /api/imports: queue a report for import, as the import page does; answers 202 with the import to follow at
// /api/imports/<id>. GET /api/imports: the latest imports. Reviewers and admins only.
//
// The body is either a form (multipart/form-data: `file` or `text`, with `title`, `publisher`, `url`, `publishedAt`),
// which is what the page sends and what `curl -F file=@report.pdf` sends, or JSON for scripts:
// { "text": "…" } or { "file": { "name": "report.docx", "base64": "…" } }, with the same optional fields.
import { publicOrigin } from "@/app/api/_lib/formats";
import { json, jsonError, answer } from "@/app/api/_lib/responses";
import { presentImport } from "@/lib/imports/present";
import { UPLOAD_LIMIT_BYTES, UPLOAD_REQUEST_LIMIT_BYTES } from "@/lib/actions/limits";
import { getRequestUser } from "@/lib/auth";
import { requirePermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { createImport, getRecentImports, type ImportUpload } from "@/lib/data/imports";
import { importDetailsSchema, pastedTextSchema, uploadFileName } from "@/lib/validations/imports";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MB = 1024 * 1024;
const TOO_LARGE = `The upload is larger than the ${UPLOAD_LIMIT_BYTES / MB} MB ClaimDesk imports; nothing was imported.`;

/** A request ClaimDesk refuses, with the status and words to refuse it with. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function POST(request: Request): Promise<Response> {
  return answer(async () => {
    // Who is asking before what they sent: someone who may not import learns that, not what was wrong with the file.
    const actor = await getRequestUser(request);
    requirePermission(actor, "documents.import");
    try {
      const upload = await readUpload(request);
      const view = await createImport(getDb(), actor, upload);
      return json(presentImport(view, publicOrigin(request)), 202, { Location: `/api/imports/${view.id}` });
    } catch (error) {
      if (error instanceof Refusal) return jsonError(error.status, error.message);
      throw error;
    }
  });
}

export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const imports = await getRecentImports(getDb(), await getRequestUser(request));
    return json({ imports: imports.map((view) => presentImport(view, publicOrigin(request))) });
  });
}

async function readUpload(request: Request): Promise<ImportUpload> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "multipart/form-data" && type !== "application/json") {
    throw new Refusal(415, "Send the report as a form (multipart/form-data) or as JSON (application/json).");
  }
  const body = await readBody(request);
  const fields =
    type === "application/json" ? await jsonFields(body) : await formFields(body, request.headers);
  const details = importDetailsSchema.safeParse(fields.details);
  if (!details.success) throw new Refusal(400, details.error.issues.map((issue) => issue.message).join(" "));
  if (fields.file && fields.text !== undefined) throw new Refusal(400, "Send a file or a text, not both.");
  if (fields.file) {
    if (fields.file.content.byteLength === 0)
      throw new Refusal(400, "The file is empty; nothing was imported.");
    if (fields.file.content.byteLength > UPLOAD_LIMIT_BYTES) throw new Refusal(413, TOO_LARGE);
    return {
      content: fields.file.content,
      fileName: uploadFileName(fields.file.name),
      details: details.data,
    };
  }
  const text = pastedTextSchema.safeParse(fields.text);
  if (!text.success) throw new Refusal(400, text.error.issues[0]!.message);
  return { content: new TextEncoder().encode(text.data), fileName: null, details: details.data };
}

interface UploadFields {
  file?: { name: string; content: Uint8Array };
  text?: unknown;
  details: Record<string, unknown>;
}

/**
 * The body, refused as too large by its declared length before any of it is read, or as it arrives. proxy.ts passes
 * on only UPLOAD_REQUEST_LIMIT_BYTES of a body, so one that reaches that size was cut short and is refused too.
 */
async function readBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared >= UPLOAD_REQUEST_LIMIT_BYTES) throw new Refusal(413, TOO_LARGE);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    received += chunk.byteLength;
    if (received >= UPLOAD_REQUEST_LIMIT_BYTES) throw new Refusal(413, TOO_LARGE);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function formFields(body: Uint8Array, headers: Headers): Promise<UploadFields> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { "content-type": headers.get("content-type")! },
    }).formData();
  } catch {
    throw new Refusal(400, "The form could not be read; send it as multipart/form-data.");
  }
  const file = form.get("file");
  const text = form.get("text");
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  return {
    // A form with an empty file input sends a file with no name and no bytes: that is "no file".
    file:
      file instanceof File && (file.size > 0 || file.name)
        ? { name: file.name, content: new Uint8Array(await file.arrayBuffer()) }
        : undefined,
    text: typeof text === "string" && text.length > 0 ? text : undefined,
    details: {
      title: field("title"),
      publisher: field("publisher"),
      url: field("url"),
      publishedAt: field("publishedAt"),
    },
  };
}

async function jsonFields(body: Uint8Array): Promise<UploadFields> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw new Refusal(400, "The body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Refusal(400, 'The body must be a JSON object such as { "text": "…" }.');
  }
  const {
    file,
    text,
    title = null,
    publisher = null,
    url = null,
    publishedAt = null,
  } = value as Record<string, unknown>;
  return {
    file: file === undefined ? undefined : jsonFile(file),
    text,
    details: { title, publisher, url, publishedAt },
  };
}

function jsonFile(file: unknown): { name: string; content: Uint8Array } {
  const { name, base64 } = (typeof file === "object" && file !== null ? file : {}) as Record<string, unknown>;
  if (typeof name !== "string" || typeof base64 !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw new Refusal(400, 'file must be { "name": "report.pdf", "base64": "<the file in base64>" }.');
  }
  return { name, content: Buffer.from(base64, "base64") };
}
