// GET /api/claims/export?format=csv|json&<the /claims table's filters>: every matching claim, in table order.
import { answer, jsonError } from "@/app/api/_lib/responses";
import {
  exportContentType,
  exportFileName,
  openClaimsExport,
  parseExportFormat,
} from "@/lib/export/claims-export";
import { parseClaimsQuery } from "@/lib/validations/claims";

// pg needs Node's sockets, and every download must read the database as it is now.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const format = parseExportFormat(url.searchParams.get("format"));
  if (!format) return jsonError(400, "format must be csv or json");
  return answer(async () => {
    const stream = await openClaimsExport(parseClaimsQuery(url.searchParams), { format, origin: url.origin });
    return new Response(stream, {
      headers: {
        "Content-Type": exportContentType(format),
        "Content-Disposition": `attachment; filename="${exportFileName(format, new Date())}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
