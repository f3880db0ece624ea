// Reads the layout of a plain-text article: its title line, numbered section headings, decorated
// sub-headings ("🏗️ State-Backed Industrial Policy") and the paragraphs under them.

export interface HeadingBlock {
  type: "heading";
  level: 1 | 2;
  /** The heading as a reader would name it: numbering and decorative emoji removed. */
  heading: string;
  start: number;
  end: number;
}

export interface ParagraphBlock {
  type: "paragraph";
  text: string;
  start: number;
  end: number;
}

export interface TitleBlock {
  type: "title";
  text: string;
  start: number;
  end: number;
}

export type Block = TitleBlock | HeadingBlock | ParagraphBlock;

const NUMBERED_HEADING = /^(\d{1,2})\.\s+(\S.*)$/u;
const LEADING_DECORATION = /^[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}\u{200D}\s]+/u;

function endsLikeSentence(line: string): boolean {
  return /[.!?]["”’)]*$/u.test(line.trim());
}

function isSubheading(line: string): boolean {
  const trimmed = line.trim();
  const decorated = LEADING_DECORATION.test(trimmed) && trimmed.replace(LEADING_DECORATION, "").length > 0;
  return (
    !endsLikeSentence(trimmed) &&
    trimmed.length <= 90 &&
    (decorated || /^(\p{Lu}[\p{L}\p{N}’'-]*\s?){1,8}$/u.test(trimmed))
  );
}

export function parseBlocks(fullText: string): Block[] {
  const blocks: Block[] = [];
  let lineStart = 0;
  for (const line of fullText.split("\n")) {
    const start = lineStart + (line.length - line.trimStart().length);
    const end = lineStart + line.trimEnd().length;
    lineStart += line.length + 1;
    const trimmed = line.trim();
    if (!trimmed) continue;

    const numbered = NUMBERED_HEADING.exec(trimmed);
    if (blocks.length === 0 && !numbered) {
      blocks.push({ type: "title", text: trimmed, start, end });
    } else if (numbered && !endsLikeSentence(trimmed)) {
      blocks.push({ type: "heading", level: 1, heading: trimmed, start, end });
    } else if (isSubheading(trimmed)) {
      blocks.push({
        type: "heading",
        level: 2,
        heading: trimmed.replace(LEADING_DECORATION, ""),
        start,
        end,
      });
    } else {
      blocks.push({ type: "paragraph", text: trimmed, start, end });
    }
  }
  return blocks;
}
