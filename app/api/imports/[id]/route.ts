// GET /api/imports/<id>: where one import stands (its stages, progress, error) and the document it made.
import { publicOrigin } from "@/app/api/_lib/formats";
import { presentImport } from "@/lib/imports/present";
import { answer, json, jsonError } from "@/app/api/_lib/responses";
import { getRequestUser } from "@/lib/auth";
import { requirePermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { getImport } from "@/lib/data/imports";
import { parseRecordId } from "@/lib/data/record-id";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return answer(async () => {
    const actor = await getRequestUser(request);
    requirePermission(actor, "documents.import");
    const id = parseRecordId((await params).id);
    const view = id === null ? null : await getImport(getDb(), actor, id);
    if (!view) return jsonError(404, "No import has this id.");
    return json(presentImport(view, publicOrigin(request)));
  });
}
