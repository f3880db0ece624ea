// Web addresses written out in running text (plain text, PDF), found the way a reader's eye finds them.

const BARE_URL = /\bhttps?:\/\/[^\s<>"“”‘’]+/giu;
/** Punctuation that ends the sentence around an address rather than the address itself. */
const TRAILING = /[.,;:!?'"’”)\]}>]+$/u;

export function findBareUrls(text: string, offset = 0): { start: number; end: number; url: string }[] {
  const found: { start: number; end: number; url: string }[] = [];
  for (const match of text.matchAll(BARE_URL)) {
    let url = match[0].replace(TRAILING, "");
    // A closing parenthesis belongs to the address when it opened one inside it (Wikipedia-style paths).
    const trimmed = match[0].slice(url.length);
    if (trimmed.startsWith(")") && url.includes("(") && !url.includes(")")) url += ")";
    if (!URL.canParse(url)) continue;
    const start = offset + match.index;
    found.push({ start, end: start + url.length, url });
  }
  return found;
}
