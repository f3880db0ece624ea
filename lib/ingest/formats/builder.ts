// Writes the text of a structured document (Markdown, HTML, Word, PDF) as its reader walks it: blocks separated by
// blank lines, whitespace collapsed as a browser collapses it, links and footnote markers recorded where they land.
import type { BlockKind, DocumentFormat, ExtractedDocument, Footnote, TextBlock, TextLink } from "./document";

/** C0 controls other than tab and line breaks, and DEL: never part of a report's text (see documentTextProblem). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;

interface OpenBlock {
  kind: BlockKind;
  level?: number;
  start: number | null;
  note?: Footnote;
}

interface PendingSpan {
  start: number | null;
}

export class DocumentBuilder {
  private out = "";
  private readonly blocks: TextBlock[] = [];
  private readonly links: TextLink[] = [];
  private readonly notes = new Map<string, Footnote>();
  private readonly markers: { key: string; start: number; end: number }[] = [];
  private open: OpenBlock | null = null;
  private spaceDue = false;
  private spans: PendingSpan[] = [];

  startBlock(kind: BlockKind, level?: number): void {
    this.endBlock();
    this.open = { kind, level, start: null };
  }

  /**
   * Starts a footnote's block. `key` ties it to its markers (an HTML id, a Markdown label); the label is what the
   * reader sees before it and in the markers, e.g. "[3]".
   */
  startFootnote(key: string, label: string): void {
    this.endBlock();
    const note: Footnote = { label, start: -1, end: -1, references: [] };
    this.notes.set(key, note);
    this.open = { kind: "footnote", start: null, note };
  }

  endBlock(): void {
    const block = this.open;
    this.open = null;
    this.spaceDue = false;
    if (!block || block.start === null) return;
    const end = this.out.length;
    this.blocks.push({
      kind: block.kind,
      ...(block.level ? { level: block.level } : {}),
      start: block.start,
      end,
    });
    if (block.note) Object.assign(block.note, { start: block.start, end });
  }

  get inBlock(): boolean {
    return this.open !== null;
  }

  /** Inline text: runs of whitespace become one space, and none is kept at a block's edges. */
  text(raw: string): void {
    const pieces = raw.replace(CONTROL, "").split(/\s+/u);
    pieces.forEach((piece, i) => {
      if (i > 0) this.spaceDue = true;
      if (piece) this.write(piece);
    });
  }

  /** A break between words that the markup implies (a table cell, a <br>). */
  space(): void {
    this.spaceDue = true;
  }

  /** Text written exactly as given, glued to what precedes it (a table cell separator). */
  raw(piece: string): void {
    this.write(piece, true);
  }

  /** Records a link over whatever `write` puts in the text. */
  link(url: string, write: () => void, title?: string): void {
    const span = this.openSpan();
    write();
    const start = this.closeSpan(span);
    if (start !== null && start < this.out.length)
      this.links.push({ start, end: this.out.length, url, ...(title ? { title } : {}) });
  }

  /** A footnote marker, written as "[label]" so that every format shows its markers alike. */
  footnoteMarker(key: string, label: string): void {
    const start = this.out.length + (this.spaceDue && this.hasContent() ? 1 : 0);
    this.write(`[${label}]`);
    this.markers.push({ key, start, end: this.out.length });
  }

  build(
    format: DocumentFormat,
    extras: { title?: string | null; metadata?: ExtractedDocument["metadata"]; warnings?: string[] } = {},
  ): ExtractedDocument {
    this.endBlock();
    for (const marker of this.markers)
      this.notes.get(marker.key)?.references.push({ start: marker.start, end: marker.end });
    const footnotes = [...this.notes.values()].filter((n) => n.start >= 0).sort((a, b) => a.start - b.start);
    const blocks = normaliseHeadingLevels(this.blocks);
    const title = extras.title?.trim() || firstTitle(blocks, this.out);
    return {
      format,
      title: title || null,
      text: this.out,
      blocks,
      links: this.links,
      footnotes,
      metadata: extras.metadata ?? {},
      warnings: extras.warnings ?? [],
    };
  }

  private hasContent(): boolean {
    return this.open?.start !== null && this.open?.start !== undefined;
  }

  private write(piece: string, glued = false): void {
    if (!this.open) this.open = { kind: "paragraph", start: null };
    if (this.open.start === null) {
      if (this.out.length) this.out += "\n\n";
      if (this.open.note) this.out += `[${this.open.note.label}] `;
      this.open.start = this.out.length;
    } else if (this.spaceDue && !glued) {
      this.out += " ";
    }
    this.spaceDue = false;
    for (const span of this.spans) if (span.start === null) span.start = this.out.length;
    this.out += piece;
  }

  private openSpan(): PendingSpan {
    const span: PendingSpan = { start: null };
    this.spans.push(span);
    return span;
  }

  private closeSpan(span: PendingSpan): number | null {
    this.spans = this.spans.filter((s) => s !== span);
    return span.start;
  }
}

/** Heading levels counted from the shallowest one used, so that a page whose sections are h2 has chapters at 1. */
function normaliseHeadingLevels(blocks: TextBlock[]): TextBlock[] {
  const used = [...new Set(blocks.filter((b) => b.kind === "heading").map((b) => b.level ?? 1))].sort(
    (a, b) => a - b,
  );
  return blocks.map((b) => (b.kind === "heading" ? { ...b, level: used.indexOf(b.level ?? 1) + 1 } : b));
}

function firstTitle(blocks: TextBlock[], text: string): string | null {
  const title = blocks.find((b) => b.kind === "title");
  return title ? text.slice(title.start, title.end) : null;
}
