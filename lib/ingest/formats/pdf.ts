// A PDF as an ExtractedDocument, from its text layer (PDF.js through unpdf, which runs it without a worker on a
// server). A PDF has no paragraphs, only positioned runs of text: lines are rebuilt from baselines, paragraphs from
// the gaps and indents between lines, headings from font sizes larger than the body's, footnotes from small text
// at the foot of a page and raised small numbers in the body; running headers, footers and page numbers are dropped.
import { getDocumentProxy } from "unpdf";
import { DocumentBuilder } from "./builder";
import type { BlockKind, ExtractedDocument } from "./document";
import { DocumentReadError } from "./errors";

interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

type Segment = { text: string } | { marker: string };

interface Line {
  page: number;
  x: number;
  y: number;
  size: number;
  segments: Segment[];
  text: string;
}

interface Block {
  kind: BlockKind;
  level?: number;
  size: number;
  lines: Line[];
  label?: string;
}

/** A line this much larger than the body text is a heading; this much smaller, a note or a caption. */
const HEADING_RATIO = 1.15;
const SMALL_RATIO = 0.9;
const BULLET = /^[•▪◦‣●■□–\-*·]\s*/u;
const LIST_NUMBER = /^\(?\d{1,3}[.)]\s+/u;
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/iu;
const NOTE_START = /^(\d{1,3})[.)]?\s+/u;

export async function readPdf(bytes: Uint8Array): Promise<ExtractedDocument> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js takes ownership of the buffer it is given; the caller keeps its own.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
  } catch (error) {
    throw pdfError(error);
  }
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      const ends: boolean[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const size = Math.hypot(item.transform[2], item.transform[3]) || item.height;
        runs.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, size });
        ends.push(item.hasEOL);
      }
      pages.push(linesOf(runs, ends, n));
      page.cleanup();
    }
    const emptyPages = pages.filter((lines) => lines.every((l) => !l.text.trim())).length;
    if (emptyPages === pages.length) {
      throw new DocumentReadError(
        "no-text-layer",
        "This PDF has no text layer (its pages are images, as in a scan): run OCR on it first, then upload the result.",
      );
    }
    const info = ((await pdf.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    const warnings = emptyPages
      ? [
          `${emptyPages} of ${pages.length} pages have no text layer and were left out: run OCR on them to include them.`,
        ]
      : [];
    return render(dropRunningLines(pages), info, warnings);
  } catch (error) {
    throw error instanceof DocumentReadError ? error : pdfError(error);
  } finally {
    await pdf.destroy();
  }
}

function pdfError(error: unknown): DocumentReadError {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException")
    return new DocumentReadError(
      "encrypted",
      "This PDF is protected by a password: open it, save a copy without the password, and upload that.",
      { cause: error },
    );
  return new DocumentReadError(
    "damaged",
    "This PDF is damaged or not a PDF after all: it could not be opened.",
    {
      cause: error,
    },
  );
}

/** Runs in content order to lines: a run joins the line when it sits on (or just above) the same baseline. */
function linesOf(runs: Run[], ends: boolean[], page: number): Line[] {
  const groups: Run[][] = [];
  let current: Run[] = [];
  runs.forEach((run, i) => {
    const last = current.at(-1);
    const sameLine =
      last !== undefined &&
      Math.abs(run.y - last.y) <= 0.6 * Math.max(run.size, last.size) &&
      run.x >= last.x - Math.max(run.size, last.size);
    if (!sameLine && current.length) {
      groups.push(current);
      current = [];
    }
    if (run.text) current.push(run);
    if (ends[i] && current.length) {
      groups.push(current);
      current = [];
    }
  });
  if (current.length) groups.push(current);
  return groups.map((group) => lineOf(group, page)).filter((line) => line.text.trim());
}

function lineOf(runs: Run[], page: number): Line {
  const bySize = new Map<number, number>();
  for (const run of runs) bySize.set(run.size, (bySize.get(run.size) ?? 0) + run.text.length);
  const size = [...bySize].sort((a, b) => b[1] - a[1])[0]![0];
  const baseline = runs.find((r) => r.size === size)!.y;
  const segments: Segment[] = [];
  let previous: Run | null = null;
  for (const run of runs) {
    const raised = run.size <= size * 0.85 && run.y > baseline + size * 0.15;
    if (raised && /^\s*(\d{1,3}|[*†‡])\s*$/u.test(run.text)) {
      segments.push({ marker: run.text.trim() });
    } else {
      const gap = previous ? run.x - (previous.x + previous.width) : 0;
      const needsSpace =
        previous && gap > size * 0.15 && !/\s$/u.test(previous.text) && !/^\s/u.test(run.text);
      segments.push({ text: (needsSpace ? " " : "") + run.text });
    }
    previous = run;
  }
  const text = segments
    .map((s) => ("text" in s ? s.text : ""))
    .join("")
    .trim();
  return { page, x: Math.min(...runs.map((r) => r.x)), y: baseline, size, segments, text };
}

/**
 * Drops running headers and footers (the same line, numbers aside, at the top or foot of most pages) and page
 * numbers, which would otherwise cut paragraphs in two at every page break.
 */
function dropRunningLines(pages: Line[][]): Line[][] {
  const edges = (lines: Line[]) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    return new Set([...byHeight.slice(0, 2), ...byHeight.slice(-2)]);
  };
  const key = (line: Line) => line.text.replace(/\d+/gu, "#").replace(/\s+/gu, " ").toLowerCase();
  const pagesWith = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set([...edges(lines)].map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  }
  const running = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines) => {
    const edge = edges(lines);
    return lines.filter(
      (line) =>
        !edge.has(line) || !(PAGE_NUMBER.test(line.text) || (pagesWith.get(key(line)) ?? 0) >= running),
    );
  });
}

function render(pages: Line[][], info: Record<string, unknown>, warnings: string[]): ExtractedDocument {
  const all = pages.flat();
  const body = bodySize(all);
  const headingSizes = [
    ...new Set(all.filter((l) => l.size >= body * HEADING_RATIO).map((l) => round(l.size))),
  ].sort((a, b) => b - a);
  const spacing = lineSpacing(pages, body);
  const blocks: Block[] = [];

  for (const lines of pages) {
    const lastBodyY = Math.min(...lines.filter((l) => l.size > body * SMALL_RATIO).map((l) => l.y));
    lines.forEach((line, i) => {
      const previous = i > 0 ? lines[i - 1]! : null;
      const open = blocks.at(-1);
      if (line.size >= body * HEADING_RATIO && line.text.length <= 200) {
        const level = headingSizes.indexOf(round(line.size)) + 1;
        if (
          open?.kind === "heading" &&
          open.level === level &&
          previous &&
          previous.y - line.y < line.size * 1.6
        )
          open.lines.push(line);
        else blocks.push({ kind: "heading", level, size: line.size, lines: [line] });
        return;
      }
      if (line.size <= body * SMALL_RATIO && line.y < lastBodyY) {
        const first = line.segments[0];
        const label = first && "marker" in first ? first.marker : NOTE_START.exec(line.text)?.[1];
        if (label || open?.kind !== "footnote")
          blocks.push({ kind: "footnote", size: line.size, lines: [line], label });
        else open.lines.push(line);
        return;
      }
      const listStart =
        BULLET.test(line.text) || (LIST_NUMBER.test(line.text) && line.size < body * HEADING_RATIO);
      // The notes at the foot of a page come between a paragraph and its end on the next page.
      const carried = blocks.findLast((b) => b.kind !== "footnote");
      if (carried && !listStart && continuesBlock(carried, line, previous, spacing)) {
        carried.lines.push(line);
        return;
      }
      blocks.push({ kind: listStart ? "list-item" : "paragraph", size: line.size, lines: [line] });
    });
  }

  const builder = new DocumentBuilder();
  const firstHeading = blocks.find((b) => b.kind === "heading");
  const titleBlock = firstHeading?.lines[0]?.page === 1 && firstHeading.level === 1 ? firstHeading : null;
  for (const block of blocks) {
    if (block === titleBlock) builder.startBlock("title");
    else if (block.kind === "footnote" && block.label) builder.startFootnote(block.label, block.label);
    else builder.startBlock(block.kind === "footnote" ? "paragraph" : block.kind, block.level);
    writeLines(builder, block);
    builder.endBlock();
  }
  const title = titleBlock ? titleBlock.lines.map((l) => l.text).join(" ") : stringField(info.Title);
  return builder.build("pdf", {
    title,
    metadata: {
      ...(stringField(info.Author) ? { author: stringField(info.Author)! } : {}),
      ...(pdfDate(info.CreationDate) ? { publishedAt: pdfDate(info.CreationDate)! } : {}),
    },
    warnings,
  });
}

/** Whether a body line carries on the open block rather than starting a paragraph of its own. */
function continuesBlock(open: Block, line: Line, previous: Line | null, spacing: number): boolean {
  if (open.kind !== "paragraph" && open.kind !== "list-item") return false;
  const last = open.lines.at(-1)!;
  if (!previous || previous !== last) {
    // The first line of a page carries on a paragraph that the page break cut mid-sentence.
    return last.page !== line.page && !/[.!?:]["”’)]*$/u.test(last.text);
  }
  const gap = last.y - line.y;
  if (gap > spacing * 1.4 || gap < 0) return false;
  if (open.kind === "list-item") return line.x > open.lines[0]!.x + line.size * 0.5;
  // An indented first line opens a paragraph.
  return line.x <= last.x + line.size;
}

function writeLines(builder: DocumentBuilder, block: Block): void {
  block.lines.forEach((line, i) => {
    const previousText = i > 0 ? block.lines[i - 1]!.text : "";
    // A word broken at the line's end with a hyphen is joined back; the hyphen stays, as in "state-owned".
    if (!/\p{L}-$/u.test(previousText)) builder.space();
    line.segments.forEach((segment, j) => {
      if ("marker" in segment) builder.footnoteMarker(segment.marker, segment.marker);
      else builder.text(j === 0 ? stripLead(segment.text, block, i) : segment.text);
    });
  });
}

/** The bullet or note number that opens a block is layout, not text. */
function stripLead(text: string, block: Block, lineIndex: number): string {
  if (lineIndex > 0) return text;
  if (block.kind === "list-item") return text.trimStart().replace(BULLET, "").replace(LIST_NUMBER, "");
  if (block.kind === "footnote" && block.label) return text.trimStart().replace(NOTE_START, "");
  return text;
}

function bodySize(lines: Line[]): number {
  const chars = new Map<number, number>();
  for (const line of lines)
    chars.set(round(line.size), (chars.get(round(line.size)) ?? 0) + line.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** The usual distance between baselines of consecutive body lines, so that a larger one reads as a new paragraph. */
function lineSpacing(pages: Line[][], body: number): number {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1]!.y - lines[i]!.y;
      if (round(lines[i]!.size) === body && round(lines[i - 1]!.size) === body && gap > 0 && gap < body * 3)
        gaps.push(gap);
    }
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 4)] ?? body * 1.2;
}

function round(size: number): number {
  return Math.round(size * 2) / 2;
}

function stringField(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** "D:20240105093000+08'00'" as PDF dates are written, to "2024-01-05". */
function pdfDate(value: unknown): string | null {
  const match = typeof value === "string" ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/u.exec(value) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
