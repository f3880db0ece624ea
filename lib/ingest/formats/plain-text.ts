// A plain-text report as an ExtractedDocument: its layout read from the lines (lib/ingest/structure.ts).
import { parseBlocks } from "../structure";
import type { ExtractedDocument, TextBlock } from "./document";

export function readPlainText(text: string): ExtractedDocument {
  const blocks: TextBlock[] = parseBlocks(text).map((block) =>
    block.type === "heading"
      ? { kind: "heading", level: block.level, start: block.start, end: block.end }
      : { kind: block.type, start: block.start, end: block.end },
  );
  const title = blocks[0]?.kind === "title" ? text.slice(blocks[0].start, blocks[0].end) : null;
  return { format: "text", title, text, blocks, links: [], footnotes: [], metadata: {}, warnings: [] };
}
