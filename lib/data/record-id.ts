// Record ids arrive as URL segments ("/claims/12"); every table keys on a PostgreSQL int4 serial.
import { MAX_INT4 } from "@/lib/validations/url-params";

/** The id a URL segment names, or null for anything no row can have ("abc", "-1", "1e3", "99999999999999"). */
export function parseRecordId(segment: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(segment)) return null;
  const id = Number(segment);
  return id <= MAX_INT4 ? id : null;
}
