// Shows an ExtractedDocument the way a reviewer checks it: each block's kind and text, each link's anchor and URL,
// each note with the markers that point at it.
import type { ExtractedDocument } from "@/lib/ingest/formats/document";

export function blocksOf(doc: ExtractedDocument): string[] {
  return doc.blocks.map((b) => `${b.kind}${b.level ? ` ${b.level}` : ""}: ${doc.text.slice(b.start, b.end)}`);
}

export function linksOf(doc: ExtractedDocument): [string, string][] {
  return doc.links.map((l) => [doc.text.slice(l.start, l.end), l.url]);
}

/** Each note's text, the markers pointing at it, and the URLs inside the note: what a claim's sources come from. */
export function notesOf(doc: ExtractedDocument) {
  return doc.footnotes.map((note) => ({
    label: note.label,
    text: doc.text.slice(note.start, note.end),
    markers: note.references.map((r) => doc.text.slice(r.start, r.end)),
    urls: doc.links.filter((l) => l.start >= note.start && l.end <= note.end).map((l) => l.url),
  }));
}
