// A Markdown report (CommonMark with GitHub's tables, footnotes and bare links) as an ExtractedDocument, read with
// mdast-util-from-markdown so that what counts as a heading, a list or a link is decided by the specification.
import type { Nodes, Parents, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { DocumentBuilder } from "./builder";
import type { ExtractedDocument } from "./document";

/** YAML front matter as static-site tools write it; only the few fields a report's metadata needs are read. */
const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/u;

export function readMarkdown(source: string): ExtractedDocument {
  const { body, fields } = splitFrontMatter(source);
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const definitions = new Map<string, { url: string; title?: string }>();
  const noteLabels = new Map<string, string>();
  for (const node of tree.children) {
    if (node.type === "definition")
      definitions.set(node.identifier, { url: node.url, title: node.title ?? undefined });
    if (node.type === "footnoteDefinition") noteLabels.set(node.identifier, node.label ?? node.identifier);
  }

  const builder = new DocumentBuilder();
  const skipped = { images: 0, html: 0 };
  const first = tree.children.find((n) => n.type !== "definition" && n.type !== "html");
  const titleNode = first?.type === "heading" && first.depth === 1 ? first : null;

  const inline = (node: Nodes): void => {
    switch (node.type) {
      case "text":
      case "inlineCode":
        builder.text(node.value);
        return;
      case "break":
        builder.space();
        return;
      case "link":
        builder.link(node.url, () => node.children.forEach(inline), node.title ?? undefined);
        return;
      case "linkReference": {
        const target = definitions.get(node.identifier);
        if (target) builder.link(target.url, () => node.children.forEach(inline), target.title);
        else node.children.forEach(inline);
        return;
      }
      case "footnoteReference":
        builder.footnoteMarker(
          node.identifier,
          noteLabels.get(node.identifier) ?? node.label ?? node.identifier,
        );
        return;
      case "image":
      case "imageReference":
        skipped.images++;
        return;
      case "html":
        skipped.html++;
        return;
      default:
        if ("children" in node) (node.children as Nodes[]).forEach(inline);
    }
  };

  const block = (node: Nodes): void => {
    switch (node.type) {
      case "heading":
        if (node === titleNode) builder.startBlock("title");
        else builder.startBlock("heading", node.depth);
        node.children.forEach(inline);
        builder.endBlock();
        return;
      case "paragraph":
      case "code":
        builder.startBlock("paragraph");
        inline(node);
        builder.endBlock();
        return;
      case "list":
        node.children.forEach(block);
        return;
      case "listItem":
        listItem(node);
        return;
      case "table":
        for (const row of node.children) {
          builder.startBlock("table-row");
          row.children.forEach((cell, i) => {
            if (i > 0) builder.raw(" |");
            builder.space();
            cell.children.forEach(inline);
          });
          builder.endBlock();
        }
        return;
      case "footnoteDefinition":
        builder.startFootnote(node.identifier, noteLabels.get(node.identifier) ?? node.identifier);
        node.children.forEach((child) => {
          builder.space();
          inline(child);
        });
        builder.endBlock();
        return;
      case "html":
        skipped.html++;
        return;
      case "definition":
      case "thematicBreak":
      case "yaml":
        return;
      default:
        if ("children" in node) (node.children as Nodes[]).forEach(block);
    }
  };

  /** The item's own text is one block; a list nested in it gives blocks of its own after it. */
  const listItem = (item: Parents): void => {
    builder.startBlock("list-item");
    for (const child of item.children) {
      if (child.type === "list") {
        builder.endBlock();
        block(child);
      } else {
        builder.space();
        inline(child);
      }
    }
    builder.endBlock();
  };

  (tree as Root).children.forEach(block);
  const warnings: string[] = [];
  if (skipped.images) warnings.push(`${skipped.images} image(s) were left out.`);
  if (skipped.html) warnings.push(`${skipped.html} piece(s) of embedded HTML were left out.`);
  return builder.build("markdown", {
    title: fields.title ?? null,
    metadata: {
      ...(fields.author ? { author: fields.author } : {}),
      ...(fields.date ? { publishedAt: fields.date } : {}),
      ...(fields.url ? { url: fields.url } : {}),
      ...(fields.publisher ? { publisher: fields.publisher } : {}),
    },
    warnings,
  });
}

function splitFrontMatter(source: string): { body: string; fields: Record<string, string> } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { body: source, fields: {} };
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split("\n")) {
    const field = /^(title|author|date|url|publisher)\s*:\s*(.+)$/iu.exec(line.trim());
    if (field) fields[field[1]!.toLowerCase()] = field[2]!.replace(/^["']|["']$/gu, "").trim();
  }
  return { body: source.slice(match[0].length), fields };
}
