// A web page as an ExtractedDocument: its article found by Mozilla's Readability (the engine of Firefox's reader
// view) over linkedom, a DOM without a script engine, so a page's scripts are never run. The walk over the article's
// elements (headings, lists, tables, links, footnotes with their back-references) is shared with Word documents.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { DocumentBuilder } from "./builder";
import type { DocumentFormat, ExtractedDocument } from "./document";

const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "canvas",
  "iframe",
  "object",
  "embed",
  "nav",
  "form",
  "button",
  "select",
  "input",
  "textarea",
  "head",
  "title",
  "meta",
  "link",
  "math",
  "audio",
  "video",
  "map",
  "dialog",
]);
const PARAGRAPHS = new Set(["p", "pre", "address", "figcaption", "dt", "dd", "summary", "caption", "legend"]);
const LISTS = new Set(["ul", "ol", "menu", "dir"]);
const BLOCKS = new Set([
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "figure",
  "body",
  "html",
  "details",
  "center",
  "fieldset",
  "hgroup",
  "dl",
  "blockquote",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "li",
  "hr",
  ...PARAGRAPHS,
  ...LISTS,
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);
/** Containers a site wraps around its article; dropped when Readability finds no article to keep. */
const BOILERPLATE = "nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo]";

/** Footnotes found in a page: the note elements, the markers that point at them and the links back. */
interface NoteIndex {
  notes: Map<Element, { key: string; label: string }>;
  markers: Map<Element, { key: string; label: string }>;
  backLinks: Set<Element>;
}

export interface HtmlWalkOptions {
  format: DocumentFormat;
  /**
   * The document's title: the element that shows it, if the body does; its text otherwise, written as the first
   * block when `show` is set (a page's <title> that Readability took out of the article).
   */
  title?: { element?: Element | null; text?: string | null; show?: boolean };
  baseUrl?: string | null;
  metadata?: ExtractedDocument["metadata"];
  warnings?: string[];
}

export function readHtml(source: string): ExtractedDocument {
  // linkedom builds no <body> around a bare fragment, as a browser would.
  const html = /<(?:html|body)\b/iu.test(source)
    ? source
    : `<!doctype html><html><body>${source}</body></html>`;
  const { document } = parseHTML(html) as unknown as { document: Document };
  const baseUrl = pageUrl(document);
  const metadata = pageMetadata(document, baseUrl);
  const notes = indexNotes(document);
  const article = new Readability(document, { serializer: (node: Node) => node as Element }).parse();
  const content = article?.content;
  if (!content) {
    const fresh = (parseHTML(html) as unknown as { document: Document }).document;
    fresh.querySelectorAll(BOILERPLATE).forEach((el) => el.remove());
    const title = fresh.querySelector("title")?.textContent?.trim();
    return walkHtml(fresh.body ?? fresh.documentElement, indexNotes(fresh), {
      format: "html",
      title: { element: fresh.querySelector("h1"), text: title, show: true },
      baseUrl,
      metadata,
    });
  }
  // Readability judges a list of short notes full of links to be clutter; the notes are kept wherever they were.
  for (const note of notes.notes.keys()) if (!isInside(note, content)) content.appendChild(note);
  const title = article.title?.trim() || null;
  const firstHeading = content.querySelector("h1, h2, h3");
  const titleShown = firstHeading && title && sameText(firstHeading.textContent ?? "", title);
  return walkHtml(content, notes, {
    format: "html",
    title: { element: titleShown ? firstHeading : null, text: title, show: true },
    baseUrl,
    metadata: {
      ...metadata,
      ...(article.byline && !metadata.author ? { author: article.byline.trim() } : {}),
      ...(article.siteName && !metadata.publisher ? { publisher: article.siteName.trim() } : {}),
    },
  });
}

/** Reads already-parsed HTML (a Word document converted by mammoth, or an article found in a page). */
export function walkHtml(root: Element, notes: NoteIndex, options: HtmlWalkOptions): ExtractedDocument {
  const builder = new DocumentBuilder();
  let images = 0;
  const titleElement = options.title?.element ?? null;
  if (!titleElement && options.title?.show && options.title.text) {
    builder.startBlock("title");
    builder.text(options.title.text);
    builder.endBlock();
  }

  const resolve = (href: string): string | null => {
    try {
      const url = new URL(href, options.baseUrl ?? undefined);
      return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
    } catch {
      return null;
    }
  };

  const inline = (node: Node): void => {
    if (node.nodeType === 3) {
      builder.text(node.nodeValue ?? "");
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = tagOf(el);
    if (SKIPPED.has(tag) || notes.backLinks.has(el)) return;
    const marker = notes.markers.get(el);
    if (marker) {
      builder.footnoteMarker(marker.key, marker.label);
      return;
    }
    if (tag === "sup" && containsMarker(el, notes)) {
      // "<sup>[<a>1</a>]</sup>": the marker alone is written, as "[1]", without the brackets around it.
      el.querySelectorAll("a").forEach((a) => inline(a));
      return;
    }
    if (tag === "img") {
      images++;
      return;
    }
    if (tag === "br") {
      builder.space();
      return;
    }
    const href = tag === "a" ? el.getAttribute("href") : null;
    const url = href && !href.startsWith("#") ? resolve(href) : null;
    const children = () => el.childNodes.forEach(inline);
    const blockInside = BLOCKS.has(tag);
    if (blockInside) builder.space();
    if (url) builder.link(url, children, el.getAttribute("title") ?? undefined);
    else children();
    if (blockInside) builder.space();
  };

  const footnote = (el: Element, note: { key: string; label: string }) => {
    builder.startFootnote(note.key, note.label);
    el.childNodes.forEach(inline);
    builder.endBlock();
  };

  const listItem = (li: Element): void => {
    const note = notes.notes.get(li);
    if (note) return footnote(li, note);
    builder.startBlock("list-item");
    li.childNodes.forEach((child) => {
      if (child.nodeType === 1 && LISTS.has(tagOf(child as Element))) {
        builder.endBlock();
        block(child as Element);
      } else {
        inline(child);
      }
    });
    builder.endBlock();
  };

  const table = (el: Element): void => {
    for (const row of el.querySelectorAll("tr")) {
      if (row.closest("table") !== el) continue;
      builder.startBlock("table-row");
      [...row.children].forEach((cell, i) => {
        if (i > 0) builder.raw(" |");
        builder.space();
        inline(cell);
      });
      builder.endBlock();
    }
  };

  const block = (el: Element): void => {
    el.childNodes.forEach((node) => {
      if (node.nodeType !== 1) return inline(node);
      const child = node as Element;
      const tag = tagOf(child);
      const note = notes.notes.get(child);
      if (SKIPPED.has(tag)) return;
      if (note) return footnote(child, note);
      if (child === titleElement) {
        builder.startBlock("title");
        child.childNodes.forEach(inline);
        return builder.endBlock();
      }
      const heading = /^h([1-6])$/u.exec(tag);
      if (heading || PARAGRAPHS.has(tag)) {
        builder.startBlock(heading ? "heading" : "paragraph", heading ? Number(heading[1]) : undefined);
        child.childNodes.forEach(inline);
        return builder.endBlock();
      }
      if (tag === "li") return listItem(child);
      if (tag === "table") {
        builder.endBlock();
        return table(child);
      }
      if (BLOCKS.has(tag)) {
        builder.endBlock();
        block(child);
        return builder.endBlock();
      }
      inline(child);
    });
  };

  block(root);
  const warnings = [...(options.warnings ?? [])];
  if (images) warnings.push(`${images} image(s) were left out.`);
  return builder.build(options.format, {
    title: options.title?.text ?? null,
    metadata: options.metadata ?? {},
    warnings,
  });
}

/**
 * Finds footnotes as pages and converters write them: an in-page link ("#fn3", "#footnote-3", "#cite_note-3"),
 * usually superscript, pointing at a later element, the note, which often links back to the marker.
 */
export function indexNotes(document: Document): NoteIndex {
  const notes = new Map<Element, { key: string; label: string }>();
  const markers = new Map<Element, { key: string; label: string }>();
  // Document order of the elements that matter (linkedom's compareDocumentPosition answers the other way round).
  const order = new Map([...document.querySelectorAll('[id], a[href^="#"]')].map((el, i) => [el, i]));
  // One pass over the ids: linkedom's getElementById walks the whole tree on every call.
  const byId = new Map<string, Element>();
  for (const el of order.keys()) if (el.id && !byId.has(el.id)) byId.set(el.id, el);
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeFragment(a.getAttribute("href")!.slice(1));
    const target = id ? byId.get(id) : undefined;
    if (!target || target.contains(a) || !looksLikeMarker(a, id)) continue;
    if ((order.get(target) ?? -1) < (order.get(a) ?? 0)) continue;
    const note = target.closest("li, p, aside, div, dd, section") ?? target;
    if (note.contains(a)) continue;
    let entry = notes.get(note);
    if (!entry) {
      entry = { key: id, label: markerText(a) || String(notes.size + 1) };
      notes.set(note, entry);
    }
    markers.set(a, entry);
  }
  const markerIds = new Set<string>();
  for (const a of markers.keys()) {
    for (const el of [a, a.parentElement, a.closest("sup")]) if (el?.id) markerIds.add(el.id);
  }
  const backLinks = new Set<Element>();
  for (const note of notes.keys()) {
    for (const a of note.querySelectorAll("a")) {
      const href = a.getAttribute("href") ?? "";
      if (
        a.getAttribute("role") === "doc-backlink" ||
        (href.startsWith("#") && markerIds.has(decodeFragment(href.slice(1))))
      ) {
        backLinks.add(a);
        // Wikipedia wraps its back-links ("^ a b") in a span of their own.
        const wrapper = a.parentElement;
        if (
          wrapper &&
          wrapper !== note &&
          tagOf(wrapper) === "span" &&
          /\bbacklink\b/u.test(wrapper.className)
        )
          backLinks.add(wrapper);
      }
    }
  }
  return { notes, markers, backLinks };
}

/** Readability creates elements in capitals, which linkedom keeps in their local names. */
function tagOf(el: Element): string {
  return el.tagName.toLowerCase();
}

function looksLikeMarker(a: Element, id: string): boolean {
  if (markerText(a).length === 0 || markerText(a).length > 6) return false;
  return (
    a.closest("sup") !== null ||
    a.getAttribute("role") === "doc-noteref" ||
    /foot|note|fn|cite|ref/iu.test(`${id} ${a.className} ${a.id} ${a.getAttribute("rel") ?? ""}`)
  );
}

function markerText(a: Element): string {
  return (a.textContent ?? "")
    .trim()
    .replace(/^\[|\]$/gu, "")
    .trim();
}

function containsMarker(el: Element, notes: NoteIndex): boolean {
  return [...el.querySelectorAll("a")].some((a) => notes.markers.has(a));
}

function isInside(el: Element, container: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) if (at === container) return true;
  return false;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/gu, " ").trim().toLowerCase();
  return norm(a) === norm(b);
}

function pageUrl(document: Document): string | null {
  const candidates = [
    document.querySelector("base[href]")?.getAttribute("href"),
    document.querySelector('link[rel="canonical"]')?.getAttribute("href"),
    document.querySelector('meta[property="og:url"]')?.getAttribute("content"),
  ];
  return candidates.find((url) => url && URL.canParse(url)) ?? null;
}

function pageMetadata(document: Document, url: string | null): ExtractedDocument["metadata"] {
  const meta = (selector: string) =>
    document.querySelector(selector)?.getAttribute("content")?.trim() || undefined;
  const published =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    meta('meta[name="citation_publication_date"]') ??
    document.querySelector("time[datetime]")?.getAttribute("datetime") ??
    undefined;
  const date = published ? /^\d{4}-\d{2}-\d{2}/u.exec(published)?.[0] : undefined;
  const author = meta('meta[name="author"]') ?? meta('meta[name="citation_author"]');
  const publisher = meta('meta[property="og:site_name"]') ?? meta('meta[name="publisher"]');
  return {
    ...(url ? { url } : {}),
    ...(date ? { publishedAt: date } : {}),
    ...(author ? { author } : {}),
    ...(publisher ? { publisher } : {}),
  };
}
