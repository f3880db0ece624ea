// Cuts a text into plain and marked runs from code-point spans (claims in a document, names in a claim), so that
// pages render highlights as React text nodes: the runs, joined, always give the text back unchanged.

export type Span<T> = { start: number; end: number; mark: T };

export type Segment<T> = { text: string; mark: T | null };

/**
 * `spans` use code-point offsets into `text`. Spans are taken in order of start (the longer first on a tie); one
 * that overlaps a span already taken, is empty, or falls outside the text is dropped rather than corrupting the
 * text around it.
 */
export function segmentText<T>(text: string, spans: readonly Span<T>[]): Segment<T>[] {
  const codePoints = Array.from(text);
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment<T>[] = [];
  let cursor = 0;
  for (const span of ordered) {
    if (span.start < cursor || span.end <= span.start || span.end > codePoints.length) continue;
    if (span.start > cursor)
      segments.push({ text: codePoints.slice(cursor, span.start).join(""), mark: null });
    segments.push({ text: codePoints.slice(span.start, span.end).join(""), mark: span.mark });
    cursor = span.end;
  }
  if (cursor < codePoints.length) segments.push({ text: codePoints.slice(cursor).join(""), mark: null });
  return segments;
}

/** Splits runs at line breaks: one list of runs per line, the breaks themselves dropped. */
export function splitLines<T>(segments: readonly Segment<T>[]): Segment<T>[][] {
  const lines: Segment<T>[][] = [[]];
  for (const segment of segments) {
    segment.text.split("\n").forEach((piece, index) => {
      if (index > 0) lines.push([]);
      if (piece) lines.at(-1)!.push({ text: piece, mark: segment.mark });
    });
  }
  return lines;
}

/** Splits runs at a UTF-16 index of their joined text, e.g. to place a marker between two characters. */
export function splitSegmentsAt<T>(
  segments: readonly Segment<T>[],
  index: number,
): [Segment<T>[], Segment<T>[]] {
  const before: Segment<T>[] = [];
  const after: Segment<T>[] = [];
  let position = 0;
  for (const segment of segments) {
    const cut = index - position;
    if (cut >= segment.text.length) before.push(segment);
    else if (cut <= 0) after.push(segment);
    else {
      before.push({ text: segment.text.slice(0, cut), mark: segment.mark });
      after.push({ text: segment.text.slice(cut), mark: segment.mark });
    }
    position += segment.text.length;
  }
  return [before, after];
}
