// A plain-text report as an ExtractedDocument: its layout read from the lines themselves, as a reader would read it.
// Headings are numbered lines ("2.", "2.1"), short title-case or capitalised lines without a full stop, and lines
// opened by a decorative emoji; list items open with a bullet or a number in a run of numbers; notes are "[1] …"
// lines and the lines under a "Notes"/"References" heading, tied to the "[1]" markers in the body. The text itself is
// left as given, so every offset points into what the caller passed.
import type { ExtractedDocument, Footnote, TextBlock, TextLink } from "./document";
import { findBareUrls } from "./urls";

interface Line {
  text: string;
  start: number;
  end: number;
  indent: number;
  blankBefore: boolean;
}

type LineRole =
  | { role: "heading"; level: number; start: number }
  | { role: "list-item"; start: number }
  | { role: "footnote"; label: string; start: number }
  | { role: "text" };

const DECORATION = /^[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}\u{200D}\u{20E3}\s]+/u;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)(\.?)\s+(\S.*)$/u;
const BULLET = /^[-*•◦▪‣–·]\s+(?=\S)/u;
const LIST_NUMBER = /^(?:\(?(\d{1,3})[.)]|\(?([a-z])\))\s+(?=\S)/u;
const NOTE_LINE = /^(?:\[(\d{1,3}|[a-z*†‡])\]|\^(\d{1,3})|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*(?=\S)/u;
const NOTE_LINE_IN_NOTES = /^(\d{1,3})[.)]?\s+(?=\S)/u;
const NOTES_HEADING =
  /^(?:notes|end ?notes|foot ?notes|references|sources|bibliography|citations|works cited|notes and references)\s*:?$/iu;
const MARKER = /\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+/gu;
const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** Words a title-case heading leaves in lower case. */
const MINOR_WORDS = new Set(
  "a an and as at but by for from in into nor of on or over per the to up via vs vs. with within without versus".split(
    " ",
  ),
);
const MAX_HEADING_CHARS = 100;
const MAX_HEADING_WORDS = 14;

function endsLikeSentence(line: string): boolean {
  return /[.!?;,]["”’)\]]*$/u.test(line);
}

export function readPlainText(text: string): ExtractedDocument {
  const lines = splitLines(text);
  const wrapWidth = hardWrapWidth(lines);
  const numberedDepth = Math.max(0, ...lines.map((l, i) => numberedHeading(lines, i)?.depth ?? 0));

  const blocks: TextBlock[] = [];
  const notes: Footnote[] = [];
  let inNotes = false;
  let open: { block: TextBlock; last: Line; note?: Footnote } | null = null;

  const close = () => {
    if (open?.note) Object.assign(open.note, { start: open.block.start, end: open.block.end });
    open = null;
  };

  lines.forEach((line, i) => {
    if (blocks.length === 0 && !open && isTitleLine(lines, i)) {
      blocks.push({ kind: "title", start: line.start, end: line.end });
      return;
    }
    const continuing = open !== null && !line.blankBefore && continues(open, line, wrapWidth);
    const role = lineRole(lines, i, { inNotes, continuing, numberedDepth });
    if (role.role === "text" && continuing && open) {
      open.block.end = line.end;
      open.last = line;
      return;
    }
    close();
    if (role.role === "heading") {
      inNotes = NOTES_HEADING.test(text.slice(role.start, line.end));
      blocks.push({ kind: "heading", level: role.level, start: role.start, end: line.end });
      return;
    }
    const kind = role.role === "text" ? (inNotes ? "footnote" : "paragraph") : role.role;
    const block: TextBlock = { kind, start: role.role === "text" ? line.start : role.start, end: line.end };
    blocks.push(block);
    open = { block, last: line };
    if (kind === "footnote") {
      const note = {
        label: role.role === "footnote" ? role.label : "",
        start: block.start,
        end: block.end,
        references: [],
      };
      notes.push(note);
      open.note = note;
    }
  });
  close();

  attachMarkers(text, blocks, notes);
  const links: TextLink[] = blocks.flatMap((b) => findBareUrls(text.slice(b.start, b.end), b.start));
  const title = blocks[0]?.kind === "title" ? text.slice(blocks[0].start, blocks[0].end) : null;
  return { format: "text", title, text, blocks, links, footnotes: notes, metadata: {}, warnings: [] };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  let blankBefore = false;
  for (const raw of text.split("\n")) {
    const trimmed = raw.trim();
    const indent = raw.length - raw.trimStart().length;
    if (trimmed) {
      lines.push({
        text: trimmed,
        start: lineStart + indent,
        end: lineStart + raw.trimEnd().length,
        indent,
        blankBefore,
      });
      blankBefore = false;
    } else {
      blankBefore = lines.length > 0;
    }
    lineStart += raw.length + 1;
  }
  return lines;
}

/**
 * The column a hard-wrapped text (an e-mail, a .txt export) breaks its lines at, or null when paragraphs are one
 * line each: wrapped lines are short and of nearly equal length.
 */
function hardWrapWidth(lines: Line[]): number | null {
  if (lines.length < 8) return null;
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  const high = lengths[Math.floor(lengths.length * 0.9)]!;
  return high <= 100 ? high : null;
}

/**
 * Whether `line` carries on the open block: a paragraph or note cut mid-sentence or at the wrap column, a list item
 * whose next line is indented under it.
 */
function continues(open: { block: TextBlock; last: Line }, line: Line, wrapWidth: number | null): boolean {
  const { last } = open;
  if (open.block.kind === "list-item" && line.indent > last.indent) return true;
  const wrapped = wrapWidth !== null && last.text.length >= wrapWidth * 0.75 && line.indent <= last.indent;
  if (open.block.kind === "list-item") return wrapped && !endsLikeSentence(last.text);
  return wrapped || (!endsLikeSentence(last.text) && !last.text.endsWith(":"));
}

function isTitleLine(lines: Line[], i: number): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  return (
    i === 0 &&
    line.text.length <= 200 &&
    !NUMBERED.test(line.text) &&
    !BULLET.test(line.text) &&
    !NOTE_LINE.test(line.text) &&
    // One sentence at most: a title does not go on into a second one.
    !/[.!?]["”’)]*\s+\p{Lu}/u.test(line.text) &&
    (next === undefined || next.blankBefore || endsLikeSentence(line.text) || looksLikeHeading(line.text))
  );
}

function lineRole(
  lines: Line[],
  i: number,
  context: { inNotes: boolean; continuing: boolean; numberedDepth: number },
): LineRole {
  const line = lines[i]!;
  const decoration = decorationLength(line.text);
  const headingStart = line.start + decoration;
  if (NOTES_HEADING.test(line.text.slice(decoration)))
    return { role: "heading", level: context.numberedDepth + 1, start: headingStart };

  const note = NOTE_LINE.exec(line.text) ?? (context.inNotes ? NOTE_LINE_IN_NOTES.exec(line.text) : null);
  if (note) {
    const label = note[1] ?? note[2] ?? fromSuperscript(note[3]) ?? "";
    return { role: "footnote", label, start: line.start + note[0].length };
  }
  // Under "Notes", a reference's title reads like a heading: only a decorated or capitalised line ends the notes.
  if (context.inNotes) {
    const heading = (decoration > 0 && isShortUnpunctuated(line.text)) || isCapitals(line.text);
    return heading
      ? { role: "heading", level: context.numberedDepth + 1, start: headingStart }
      : { role: "text" };
  }

  const numbered = numberedHeading(lines, i);
  if (numbered) return { role: "heading", level: numbered.depth, start: line.start };
  const bullet = BULLET.exec(line.text) ?? LIST_NUMBER.exec(line.text);
  if (bullet) return { role: "list-item", start: line.start + bullet[0].length };
  if (context.continuing) return { role: "text" };

  const next = lines[i + 1];
  const nextContinues = next !== undefined && !next.blankBefore && /^\p{Ll}/u.test(next.text);
  const heading = decoration > 0 ? isShortUnpunctuated(line.text) : looksLikeHeading(line.text);
  if (heading && !nextContinues)
    return { role: "heading", level: context.numberedDepth + 1, start: headingStart };
  return { role: "text" };
}

/** "2. Strategy" or "2.1 Compute hubs": a numbered line that is not a sentence and not one of a run of numbers. */
function numberedHeading(lines: Line[], i: number): { depth: number } | null {
  const line = lines[i]!;
  const match = NUMBERED.exec(line.text);
  if (!match || line.text.length > MAX_HEADING_CHARS || endsLikeSentence(line.text)) return null;
  const parts = match[1]!.split(".");
  if (parts.length === 1 && !match[2]) return null;
  if (parts.length === 1) {
    const n = Number(parts[0]);
    const neighbour = (j: number) => {
      const other = lines[j] && /^(\d{1,3})[.)]\s/u.exec(lines[j]!.text);
      return other ? Number(other[1]) : null;
    };
    if (neighbour(i - 1) === n - 1 || neighbour(i + 1) === n + 1) return null;
  }
  return { depth: parts.length };
}

function isShortUnpunctuated(line: string): boolean {
  return line.length <= MAX_HEADING_CHARS && !endsLikeSentence(line);
}

function isCapitals(line: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line) && looksLikeHeading(line);
}

/** A short line in title case ("Huawei's Growing Role in China's AI Industry") or capitals, with no full stop. */
function looksLikeHeading(line: string): boolean {
  if (line.length > MAX_HEADING_CHARS || /[.!?;,:]["”’)]*$/u.test(line) || !/^[\p{Lu}\p{N}“"‘']/u.test(line))
    return false;
  const words = line.split(/\s+/u);
  if (words.length > MAX_HEADING_WORDS) return false;
  return words.every((word, i) => !/^\p{Ll}/u.test(word) || (i > 0 && MINOR_WORDS.has(word.toLowerCase())));
}

function decorationLength(line: string): number {
  const decoration = DECORATION.exec(line)?.[0] ?? "";
  return decoration.length < line.length &&
    /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(decoration)
    ? decoration.length
    : 0;
}

function fromSuperscript(digits: string | undefined): string | undefined {
  if (!digits) return undefined;
  return [...digits].map((d) => String(SUPERSCRIPT_DIGITS.indexOf(d))).join("");
}

/** Ties "[2]", "[2, 3]", "[2–4]" and "²" in the body to the notes that carry those labels. */
function attachMarkers(text: string, blocks: TextBlock[], notes: Footnote[]): void {
  const byLabel = new Map(notes.filter((n) => n.label).map((n) => [n.label, n]));
  if (!byLabel.size) return;
  for (const block of blocks) {
    if (block.kind === "footnote") continue;
    for (const match of text.slice(block.start, block.end).matchAll(MARKER)) {
      const span = { start: block.start + match.index, end: block.start + match.index + match[0].length };
      for (const label of markerLabels(match[1] ?? fromSuperscript(match[0])!))
        byLabel.get(label)?.references.push(span);
    }
  }
}

function markerLabels(inner: string): string[] {
  return inner.split(/\s*,\s*/u).flatMap((part) => {
    const range = /^(\d+)\s*[–-]\s*(\d+)$/u.exec(part);
    if (!range) return [part.trim()];
    const [from, to] = [Number(range[1]), Number(range[2])];
    return to >= from && to - from < 50
      ? Array.from({ length: to - from + 1 }, (_, k) => String(from + k))
      : [];
  });
}
