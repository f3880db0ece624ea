// GET /api/health: 200 while the database accepts connections, 503 with Retry-After while it does not. For load
// balancers and monitors, and for the error page, which says so when a page failed because of it.
import { databaseUnavailable, json } from "@/app/api/_lib/responses";
import { databaseAvailableNow } from "@/lib/data/availability";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return (await databaseAvailableNow()) ? json({ database: "available" }) : databaseUnavailable();
}
