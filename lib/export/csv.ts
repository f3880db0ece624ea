// RFC 4180 CSV for files analysts open in Excel, LibreOffice or Google Sheets.

/** Excel reads a CSV without a byte-order mark in the local code page and garbles Chinese names. */
export const UTF8_BOM = "\uFEFF";

/** RFC 4180 ends every record, the last included, with CRLF. */
const RECORD_END = "\r\n";

/**
 * Spreadsheets run a cell that starts with one of these as a formula (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3`), and
 * claim texts come from documents nobody here wrote. A leading apostrophe makes the cell plain text (OWASP's
 * advice for CSV injection); spreadsheets hide it, other readers see it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A field in quotes when it holds a comma, a quote or a line break, with its quotes doubled. */
export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(fields: readonly string[]): string {
  return fields.map(quoteCsvField).join(",") + RECORD_END;
}
