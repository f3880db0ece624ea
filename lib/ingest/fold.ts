// Case folding for a quick test of where a case-insensitive pattern (flags `iu`) can match: before a pattern is run,
// the folded text must hold the pattern's folded first characters. Only printable ASCII and Han go into such a
// prefix, because the characters that match them case-insensitively all fold to them (see foldCase).

const PREFIX_CHAR = /^[\x20-\x7e\p{Script=Han}]$/u;

/**
 * One character folded so that whatever a case-insensitive pattern matches reads as the pattern's own characters:
 * upper then lower case also brings the Kelvin sign to "k" and the long s to "s", which `iu` matches as those
 * letters. A character whose folding is longer (ß) matches no prefix character; a filler keeps the offsets.
 */
function foldChar(char: string): string {
  const folded = char.toUpperCase().toLowerCase();
  return folded.length === char.length ? folded : "\u0000".repeat(char.length);
}

/** `text` folded character by character, its offsets unchanged. */
export function foldCase(text: string): string {
  let folded = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    folded +=
      code < 0x80 ? (code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : char) : foldChar(char);
  }
  return folded;
}

/**
 * The folded first characters of a pattern's literal text, at most `max` of them, up to the first character that
 * cannot go into a prefix: "" when the first cannot, and then every text may hold a match.
 */
export function foldedPrefix(literal: string, max = Infinity): string {
  let prefix = "";
  for (const char of literal) {
    if (prefix.length >= max || !PREFIX_CHAR.test(char)) break;
    prefix += char;
  }
  return foldCase(prefix);
}
