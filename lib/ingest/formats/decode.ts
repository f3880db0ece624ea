// Bytes of a text file (plain text, Markdown, HTML) to a string: byte-order marks, UTF-16 without one, UTF-8, the
// charset a page or the upload declares, and Windows-1252 as browsers fall back to it. Binary data is refused.
import { DocumentReadError } from "./errors";

export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

/** Share of C0 control characters above which a "text" is really binary data. */
const BINARY_CONTROL_SHARE = 0.01;
const STRAY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;

export function decodeText(bytes: Uint8Array, declaredCharset?: string | null): DecodedText {
  const { encoding, skip, warning } = chooseEncoding(bytes, declaredCharset);
  // Not fatal: a declared charset that a few bytes break still gives a readable text, with "�" where they were.
  const decoded = windows1252Punctuation(new TextDecoder(encoding).decode(bytes.subarray(skip)), encoding);
  return { ...finish(decoded, warning ? [warning] : []), encoding };
}

/**
 * Node's decoder reads "windows-1252" as ISO-8859-1, leaving bytes 0x80-0x9F as invisible C1 controls where
 * Windows-1252 has its curly quotes, dashes, euro sign and ellipsis; they are mapped as the WHATWG table does.
 */
const WINDOWS_1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function windows1252Punctuation(text: string, encoding: string): string {
  if (encoding !== "windows-1252") return text;
  return text.replace(/[\u0080-\u009f]/gu, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

function finish(decoded: string, warnings: string[]): { text: string; warnings: string[] } {
  const text = decoded.replace(/\r\n?/gu, "\n").replace(/\f/gu, "\n");
  const controls = text.match(STRAY_CONTROL)?.length ?? 0;
  if (text.includes("\u0000") || controls > Math.max(2, text.length * BINARY_CONTROL_SHARE)) {
    throw new DocumentReadError(
      "binary",
      "This file is not text: it holds binary data that no supported format (text, Markdown, HTML, Word .docx, PDF) explains.",
    );
  }
  if (!controls) return { text, warnings };
  return {
    text: text.replace(STRAY_CONTROL, ""),
    warnings: [...warnings, `${controls} invisible control character(s) were removed.`],
  };
}

function chooseEncoding(
  bytes: Uint8Array,
  declaredCharset?: string | null,
): { encoding: string; skip: number; warning?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return { encoding: utf16, skip: 0 };
  if (isValidUtf8(bytes)) return { encoding: "utf-8", skip: 0 };
  const declared = supportedLabel(declaredCharset ?? sniffMetaCharset(bytes));
  if (declared && declared !== "utf-8") return { encoding: declared, skip: 0 };
  return {
    encoding: "windows-1252",
    skip: 0,
    warning: "The file is not UTF-8; it was read as Windows-1252 (Western European).",
  };
}

/** Latin-script UTF-16 has a zero in every other byte; binary data rarely keeps that up for long. */
function utf16WithoutMark(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** `<meta charset>` or its http-equiv form, looked for in the first kilobytes as browsers do. */
function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(head)?.[1] ?? null;
}

function supportedLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}
