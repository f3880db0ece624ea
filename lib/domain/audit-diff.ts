// An audit event's before and after as rows a person can read: one per field that changed.

export interface FieldChange {
  field: string;
  /** Undefined when the field did not exist on that side (a creation, a deletion). */
  before?: unknown;
  after?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Fields in the order they were recorded; a field whose value is the same on both sides is left out. */
export function diffAuditValues(before: unknown, after: unknown): FieldChange[] {
  const from = isRecord(before) ? before : before == null ? {} : { value: before };
  const to = isRecord(after) ? after : after == null ? {} : { value: after };
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields.flatMap((field) => {
    const change: FieldChange = { field };
    if (field in from) change.before = from[field];
    if (field in to) change.after = to[field];
    return field in from && field in to && JSON.stringify(from[field]) === JSON.stringify(to[field])
      ? []
      : [change];
  });
}

/** A value as one line of text: strings as they are, lists joined, nothing as an em dash. */
export function formatAuditValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.length ? value.map(formatAuditValue).join(", ") : "(none)";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return JSON.stringify(value);
}
