// Any uploaded or pasted document to an ExtractedDocument: the format is decided by the content (a PDF's "%PDF", a
// Word file's ZIP with word/document.xml, an HTML page's tags), not by the file's name, then one reader reads it.
// What cannot be read is refused with a DocumentReadError that says why, in words for the person importing.
import { fileTypeFromBuffer } from "file-type";
import { UPLOAD_LIMIT_BYTES as MAX_UPLOAD_BYTES } from "@/lib/actions/limits";
import { documentTextProblem } from "../import-document";
import { decodeText, type DecodedText } from "./decode";
import type { DocumentFormat, ExtractedDocument, TextLink } from "./document";
import { readDocx } from "./docx";
import { DocumentReadError } from "./errors";
import { readHtml } from "./html";
import { readMarkdown } from "./markdown";
import { readPdf } from "./pdf";
import { readPlainText } from "./plain-text";
import { findBareUrls } from "./urls";
import { isZip, listZipEntries } from "./zip";

export { UPLOAD_LIMIT_BYTES as MAX_UPLOAD_BYTES } from "@/lib/actions/limits";

export interface DocumentUpload {
  bytes: Uint8Array;
  filename?: string;
  contentType?: string;
}

const FORMAT_NAMES: Record<DocumentFormat, string> = {
  text: "a plain-text file",
  markdown: "a Markdown file",
  html: "a web page (HTML)",
  docx: "a Word document (.docx)",
  pdf: "a PDF",
};
const SUPPORTED = "plain text, Markdown, HTML, Word (.docx) or PDF";

export async function readDocument(upload: DocumentUpload): Promise<ExtractedDocument> {
  const { bytes } = upload;
  if (bytes.length === 0) throw new DocumentReadError("empty", "The file is empty.");
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new DocumentReadError(
      "too-large",
      `The file is ${megabytes(bytes.length)} MB; the largest document ClaimDesk reads is ${megabytes(MAX_UPLOAD_BYTES)} MB.`,
    );
  }
  const document = await readByContent(upload);
  const problem = documentTextProblem(document.text);
  if (problem) throw new DocumentReadError("unusable-text", `This document cannot be imported: ${problem}.`);
  const named = formatNamed(upload);
  const warnings =
    named && named !== document.format && !(named === "text" && document.format === "markdown")
      ? [
          `The file is named as ${FORMAT_NAMES[named]} but is ${FORMAT_NAMES[document.format]}; it was read as what it is.`,
          ...document.warnings,
        ]
      : document.warnings;
  return { ...document, links: withBareUrls(document), warnings };
}

async function readByContent({ bytes, filename, contentType }: DocumentUpload): Promise<ExtractedDocument> {
  if (isPdf(bytes)) return readPdf(bytes);
  if (isZip(bytes)) {
    const entries = listZipEntries(bytes);
    if (entries.some((e) => e.name === "word/document.xml")) return readDocx(bytes, entries);
    throw unsupported(zipKind(entries.map((e) => e.name)));
  }
  refuseOfficeAndRtf(bytes);

  const decoded = await decodeOrName(bytes, charsetOf(contentType));
  const read = (doc: ExtractedDocument) => ({ ...doc, warnings: [...decoded.warnings, ...doc.warnings] });
  if (looksLikeHtml(decoded.text)) return read(readHtml(decoded.text));
  if (formatNamed({ bytes, filename, contentType }) === "markdown" || looksLikeMarkdown(decoded.text))
    return read(readMarkdown(decoded.text));
  return read(readPlainText(decoded.text));
}

async function decodeOrName(bytes: Uint8Array, charset: string | null): Promise<DecodedText> {
  try {
    return decodeText(bytes, charset);
  } catch (error) {
    // Named only once it is known not to be text: the magic-number table mistakes some text for audio.
    const type = await fileTypeFromBuffer(bytes);
    if (type && !["xml", "html"].includes(type.ext)) throw unsupported(`a .${type.ext} file (${type.mime})`);
    throw error;
  }
}

function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk; readers accept it within the first kilobyte.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

/** Names what a ZIP archive holds when it is not a Word document. */
function zipKind(names: string[]): string {
  if (names.some((n) => n.startsWith("xl/"))) return "an Excel workbook";
  if (names.some((n) => n.startsWith("ppt/"))) return "a PowerPoint presentation";
  if (names.includes("mimetype") && names.some((n) => n === "content.xml")) return "an OpenDocument file";
  if (names.includes("META-INF/container.xml")) return "an e-book (EPUB)";
  return "a ZIP archive";
}

function refuseOfficeAndRtf(bytes: Uint8Array): void {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new DocumentReadError(
      "unsupported-type",
      "This is an older Word file (.doc) or a password-protected Office file: open it in Word and save it as .docx without a password.",
    );
  }
  if (new TextDecoder("latin1").decode(bytes.subarray(0, 5)) === "{\\rtf")
    throw unsupported("an RTF document", "save it as .docx or PDF");
}

function unsupported(what: string, advice?: string): DocumentReadError {
  return new DocumentReadError(
    "unsupported-type",
    `This file is ${what}, which ClaimDesk cannot read: upload ${SUPPORTED}${advice ? `, or ${advice}` : ""}.`,
  );
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/iu.test(head))
    return true;
  return (
    /^<(?:article|main|section|div|p|h[1-6]|table|ul|ol)\b[^>]*>/iu.test(head) && /<\/[a-z0-9]+>/iu.test(head)
  );
}

/** Markdown that a plain-text reading would garble: headings, links, footnotes, tables or fences in its syntax. */
function looksLikeMarkdown(text: string): boolean {
  const signals = [
    /^#{1,6}\s+\S/mu,
    /\[[^\]\n]+\]\((?:https?:|\/|#)[^)\s]*\)/u,
    /^\[\^[^\]\n]+\]:/mu,
    /^\s*\|?\s*:?-{3,}:?\s*\|/mu,
    /^```/mu,
    /^\[[^\]\n]+\]:\s*https?:/mu,
    /\*\*[^*\n]+\*\*/u,
  ];
  return signals.filter((signal) => signal.test(text)).length >= 2;
}

function formatNamed({ filename, contentType }: DocumentUpload): DocumentFormat | null {
  const extension = /\.([a-z0-9]+)$/iu.exec(filename ?? "")?.[1]?.toLowerCase();
  const byExtension: Record<string, DocumentFormat> = {
    txt: "text",
    text: "text",
    md: "markdown",
    markdown: "markdown",
    htm: "html",
    html: "html",
    xhtml: "html",
    docx: "docx",
    pdf: "pdf",
  };
  if (extension && byExtension[extension]) return byExtension[extension];
  const mime = contentType?.split(";")[0]?.trim().toLowerCase();
  const byMime: Record<string, DocumentFormat> = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  };
  return (mime && byMime[mime]) || null;
}

function charsetOf(contentType: string | undefined): string | null {
  return /charset\s*=\s*"?([\w-]+)/iu.exec(contentType ?? "")?.[1] ?? null;
}

/** Addresses written out in the text but not marked up as links (common in Word files and PDFs) become links too. */
function withBareUrls(document: ExtractedDocument): TextLink[] {
  if (document.format === "text") return document.links;
  const covered = (start: number, end: number) => document.links.some((l) => l.start < end && start < l.end);
  const found = findBareUrls(document.text).filter((l) => !covered(l.start, l.end));
  return [...document.links, ...found].sort((a, b) => a.start - b.start);
}

function megabytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0);
}
