// GET /api/claims/export?format=csv|json&<the /claims table's filters>: every matching claim, in table order.
import { publicOrigin } from "@/app/api/_lib/formats";
import { NO_STORE, answer, jsonError } from "@/app/api/_lib/responses";
import { getRequestUser } from "@/lib/auth";
import { requirePermission } from "@/lib/auth/permissions";
import {
  exportContentType,
  exportFileName,
  openClaimsExport,
  parseExportFormat,
  type ExportFormat,
} from "@/lib/export/claims-export";
import { forViewer, parseClaimsQuery } from "@/lib/validations/claims";

// pg needs Node's sockets, and every download must read the database as it is now.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const FORMAT_ERROR = "format must be csv or json";

function exportHeaders(format: ExportFormat): HeadersInit {
  return {
    "Content-Type": exportContentType(format),
    "Content-Disposition": `attachment; filename="${exportFileName(format, new Date())}"`,
    ...NO_STORE,
    "X-Content-Type-Options": "nosniff",
  };
}

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  return answer(async () => {
    // Who is asking before what they asked for: someone who may not export learns that, not which format is valid.
    const actor = await getRequestUser(request);
    requirePermission(actor, "claims.export");
    const format = parseExportFormat(url.searchParams.get("format"));
    if (!format) return jsonError(400, FORMAT_ERROR);
    const stream = await openClaimsExport(forViewer(parseClaimsQuery(url.searchParams), actor.id), {
      actor,
      format,
      origin: publicOrigin(request),
    });
    return new Response(stream, { headers: exportHeaders(format) });
  });
}

/**
 * Without it Next answers HEAD by running GET and dropping the body unread and uncancelled, which would hold a
 * cursor and its connection until the stall timeout (checked with `curl -I` on next dev).
 */
export async function HEAD(request: Request): Promise<Response> {
  return answer(async () => {
    requirePermission(await getRequestUser(request), "claims.export");
    const format = parseExportFormat(new URL(request.url).searchParams.get("format"));
    if (!format) return jsonError(400, FORMAT_ERROR);
    return new Response(null, { headers: exportHeaders(format) });
  });
}
