// A Word document (.docx) as an ExtractedDocument: mammoth turns its paragraphs into HTML by their styles (Heading 1-6
// into h1-h6, footnotes and endnotes into notes with their markers), and the HTML walk reads that as it reads a page.
// The archive is checked for a zip bomb first; its core properties give the title, author and date.
import mammoth from "mammoth";
import { DOMParser, parseHTML } from "linkedom";
import type { ExtractedDocument } from "./document";
import { indexNotes, walkHtml } from "./html";
import { assertInflatesWithin, readZipEntry, type ZipEntry } from "./zip";

/** Everything inside a .docx, unpacked; a 300-page report with its images stays well below it. */
export const MAX_DOCX_UNPACKED_BYTES = 256 * 2 ** 20;

const STYLE_MAP = ["p[style-name='Title'] => h1.document-title:fresh", "p[style-name='Subtitle'] => p:fresh"];

export async function readDocx(bytes: Uint8Array, entries: ZipEntry[]): Promise<ExtractedDocument> {
  assertInflatesWithin(bytes, entries, MAX_DOCX_UNPACKED_BYTES);
  const coreEntry = entries.find((e) => e.name === "docProps/core.xml");
  const core = coreEntry ? coreProperties(new TextDecoder().decode(readZipEntry(bytes, coreEntry))) : {};
  const { value: html } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      styleMap: STYLE_MAP,
      // Left unencoded: the HTML walk only counts images, and a report's pictures would weigh the HTML down.
      convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
    },
  );
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as {
    document: Document;
  };
  const titleElement = document.querySelector("h1.document-title");
  return walkHtml(document.body, indexNotes(document), {
    format: "docx",
    title: { element: titleElement, text: titleElement?.textContent?.trim() || core.title },
    metadata: {
      ...(core.creator ? { author: core.creator } : {}),
      ...(core.created ? { publishedAt: core.created } : {}),
    },
  });
}

function coreProperties(xml: string): { title?: string; creator?: string; created?: string } {
  const doc = new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
  const field = (name: string) => doc.getElementsByTagName(name)[0]?.textContent?.trim() || undefined;
  const created = field("dcterms:created");
  return {
    title: field("dc:title"),
    creator: field("dc:creator"),
    created: created ? /^\d{4}-\d{2}-\d{2}/u.exec(created)?.[0] : undefined,
  };
}
