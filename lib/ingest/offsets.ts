// Stored offsets count Unicode code points (as PostgreSQL's substring() and the W3C Web Annotation
// TextPositionSelector do); JavaScript strings index UTF-16 code units, which differ after any emoji.

/** Maps UTF-16 indices of `text` to code-point indices; build once per document. */
export function codePointIndexer(text: string): (utf16Index: number) => number {
  const table = new Int32Array(text.length + 1);
  let codePoints = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = codePoints;
    const code = text.charCodeAt(i);
    // A high surrogate and its low surrogate together make one code point.
    const isHighSurrogate = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    if (isHighSurrogate) table[++i] = codePoints;
    codePoints++;
  }
  table[text.length] = codePoints;
  return (utf16Index) => table[utf16Index]!;
}

export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join("");
}
