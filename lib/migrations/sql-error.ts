// Turns a PostgreSQL error raised by a migration script into a message that points at the failing line.

/** The fields node-postgres and PGlite both copy from PostgreSQL's ErrorResponse. */
type PostgresErrorFields = {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
  where?: string;
  /** 1-based character offset into the script that was sent, when PostgreSQL knows it. */
  position?: string;
};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function postgresErrorCode(error: unknown): string | undefined {
  return isPostgresError(error) ? error.code : undefined;
}

/**
 * `ERROR: <message> (SQLSTATE <code>)`, any DETAIL/HINT/CONTEXT, and, when PostgreSQL reports a position, the line
 * and a few lines before it, so that a failed migration can be fixed without rerunning it by hand.
 */
export function describeSqlError(error: unknown, script: string): string {
  if (!isPostgresError(error)) return errorMessage(error);
  const lines = [`ERROR: ${error.message}${error.code ? ` (SQLSTATE ${error.code})` : ""}`];
  if (error.detail) lines.push(`DETAIL: ${error.detail}`);
  if (error.hint) lines.push(`HINT: ${error.hint}`);
  if (error.where) lines.push(`CONTEXT: ${error.where}`);
  const position = Number(error.position);
  if (Number.isInteger(position) && position > 0) lines.push(excerptAt(script, position));
  return lines.join("\n");
}

function excerptAt(script: string, position: number): string {
  const before = script.slice(0, position - 1);
  const lineIndex = before.split("\n").length - 1;
  const column = position - (before.lastIndexOf("\n") + 1);
  const scriptLines = script.split("\n");
  const first = Math.max(0, lineIndex - 3);
  const width = String(lineIndex + 1).length;
  const excerpt = scriptLines.slice(first, lineIndex + 1).map((text, offset) => {
    const number = first + offset + 1;
    return `${number === lineIndex + 1 ? ">" : " "} ${String(number).padStart(width)} | ${text.trimEnd()}`;
  });
  return [`Position: line ${lineIndex + 1}, column ${column}`, ...excerpt].join("\n");
}

function isPostgresError(error: unknown): error is Error & PostgresErrorFields {
  return (
    error instanceof Error &&
    "code" in error &&
    typeof error.code === "string" &&
    /^[0-9A-Z]{5}$/.test(error.code)
  );
}
