// The GET handler of a single-record endpoint (/api/claims/<id>, /api/entities/<id>, /api/sources/<id>).
import { parseRecordId } from "@/lib/data/record-id";
import { answer, json, jsonError } from "./responses";

type RecordContext = { params: Promise<{ id: string }> };

/** Reads the record the URL names and answers `present(record)`; an id no row can have is a 404 like a missing row. */
export function recordRoute<T>(
  read: (id: number) => Promise<T | null>,
  notFound: string,
  present: (record: T, request: Request) => unknown,
) {
  return (request: Request, { params }: RecordContext): Promise<Response> =>
    answer(async () => {
      const id = parseRecordId((await params).id);
      const record = id === null ? null : await read(id);
      if (!record) return jsonError(404, notFound);
      return json(present(record, request));
    });
}
