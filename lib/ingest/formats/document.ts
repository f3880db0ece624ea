// What every reader (plain text, Markdown, HTML, Word, PDF) makes of a file, and all that the claims pipeline reads
// of it: the text a reader is shown, its blocks in order, and the links and notes that become claims' sources.
// Offsets are indices into `text` (UTF-16 code units, as JavaScript strings count); the pipeline stores code points.

export type DocumentFormat = "text" | "markdown" | "html" | "docx" | "pdf";

export type BlockKind = "title" | "heading" | "paragraph" | "list-item" | "table-row" | "footnote";

export interface TextBlock {
  kind: BlockKind;
  /** Headings only: 1 for a chapter, deeper levels below it (Markdown's #, HTML's h1-h6, Word's Heading 1-6). */
  level?: number;
  start: number;
  end: number;
}

/** A link in the text: its anchor's span and where it points. */
export interface TextLink {
  start: number;
  end: number;
  url: string;
  title?: string;
}

/** A footnote or endnote: the span of its own text (a "footnote" block) and the markers that refer to it. */
export interface Footnote {
  label: string;
  start: number;
  end: number;
  references: { start: number; end: number }[];
}

export interface ExtractedDocument {
  format: DocumentFormat;
  /** As the document names itself (HTML <title> or first h1, Word's title property or first heading), if it does. */
  title: string | null;
  /** Blocks separated by blank lines, each heading on a line of its own; no markup. */
  text: string;
  blocks: TextBlock[];
  links: TextLink[];
  footnotes: Footnote[];
  metadata: { author?: string; publisher?: string; url?: string; publishedAt?: string };
  /** What the reader could not keep, for the person importing (e.g. "2 images without text were left out"). */
  warnings: string[];
}
