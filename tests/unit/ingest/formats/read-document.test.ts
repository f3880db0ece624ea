import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { documentTextProblem } from "@/lib/ingest/import-document";
import { DocumentReadError } from "@/lib/ingest/formats/errors";
import { MAX_UPLOAD_BYTES, readDocument } from "@/lib/ingest/formats/read-document";
import {
  docxBytes,
  passwordProtectedPdf,
  pdfBytes,
  pdfWithoutText,
  withDeclaredSize,
} from "@/tests/fixtures/formats/build";
import { blocksOf } from "@/tests/helpers/extracted-document";

const docx = docxBytes({
  paragraphs: [
    { style: "Heading1", runs: ["Findings"] },
    { style: "Normal", runs: ["Capacity doubled in 2024."] },
  ],
});

async function refusal(upload: Parameters<typeof readDocument>[0]): Promise<DocumentReadError> {
  const error = await readDocument(upload).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentReadError);
  return error as DocumentReadError;
}

describe("readDocument: the format comes from the content", () => {
  it("reads a Word file named .pdf as the Word file it is, and says so", async () => {
    const doc = await readDocument({ bytes: docx, filename: "report.pdf" });
    expect(doc.format).toBe("docx");
    expect(blocksOf(doc)).toEqual(["heading 1: Findings", "paragraph: Capacity doubled in 2024."]);
    expect(doc.warnings[0]).toMatch(/named as a PDF but is a Word document/u);
  });

  it("reads HTML named .txt as a web page, and Markdown by its syntax", async () => {
    const html = await readDocument({
      bytes: strToU8("<!DOCTYPE html><html><body><h2>Scope</h2><p>Two firms.</p></body></html>"),
      filename: "notes.txt",
    });
    expect(html.format).toBe("html");
    const md = await readDocument({
      bytes: strToU8("# Brief\n\nSee [the data](https://example.org/d).\n\n## Method\n\nSurvey."),
      filename: "brief.txt",
    });
    expect(md.format).toBe("markdown");
    expect(blocksOf(md)).toContain("heading 1: Method");
  });

  it("reads every format into text that the importer accepts", async () => {
    const pdf = await pdfBytes([{ lines: [{ text: "Output rose in 2024." }] }]);
    for (const bytes of [docx, pdf, strToU8("Title\n\nA paragraph.")]) {
      expect(documentTextProblem((await readDocument({ bytes })).text)).toBeNull();
    }
  });
});

describe("readDocument: encodings", () => {
  const text = "Café “quotes” — naïve résumé in 2024.";

  it("decodes UTF-16 with and without a byte-order mark, and UTF-8 with one", async () => {
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    const bareLe = new Uint8Array(Buffer.from(text, "utf16le"));
    const be = new Uint8Array(Buffer.from(text, "utf16le")).map((_, i, a) => a[i % 2 ? i - 1 : i + 1]!);
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]);
    for (const bytes of [le, bareLe, new Uint8Array([0xfe, 0xff, ...be]), bom8])
      expect((await readDocument({ bytes })).text).toBe(text);
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8, with a warning", async () => {
    const bytes = new Uint8Array([...strToU8("Caf"), 0xe9, 0x20, 0x93, ...strToU8("quotes"), 0x94, 0x2e]);
    const doc = await readDocument({ bytes, filename: "note.txt" });
    expect(doc.text).toBe("Café “quotes”.");
    expect(doc.warnings).toContainEqual(expect.stringMatching(/Windows-1252/u));
  });

  it("uses the charset a page declares", async () => {
    const page = '<html><head><meta charset="iso-8859-2"></head><body><p>Łódź</p></body></html>';
    const bytes = new Uint8Array([...page].map((c) => ({ Ł: 0xa3, ó: 0xf3, ź: 0xbc })[c] ?? c.charCodeAt(0)));
    expect((await readDocument({ bytes })).text).toBe("Łódź");
  });

  it("removes stray control characters, with a warning", async () => {
    const doc = await readDocument({ bytes: strToU8("Title\n\nSales rose\u0007 by 4%.") });
    expect(doc.text).toBe("Title\n\nSales rose by 4%.");
    expect(doc.warnings).toContainEqual(expect.stringMatching(/control character/u));
  });
});

describe("readDocument: bad input is refused with a message, never a crash", () => {
  it("refuses an empty file, and one with only whitespace", async () => {
    expect((await refusal({ bytes: new Uint8Array() })).message).toBe("The file is empty.");
    expect((await refusal({ bytes: strToU8(" \n\n ") })).reason).toBe("unusable-text");
  });

  it("refuses a file over the size limit before reading it", async () => {
    const error = await refusal({ bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1), filename: "big.pdf" });
    expect(error.reason).toBe("too-large");
    expect(error.message).toMatch(/largest document ClaimDesk reads is 40 MB/u);
  });

  it("names what a disguised or unsupported file really is", async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0,
      0, 1, 8, 2, 0, 0, 0,
    ]);
    expect((await refusal({ bytes: png, filename: "report.docx" })).message).toMatch(
      /\.png file \(image\/png\)/u,
    );
    const xlsx = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8("<workbook/>"),
    });
    expect((await refusal({ bytes: xlsx, filename: "report.docx" })).message).toMatch(/an Excel workbook/u);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
    expect((await refusal({ bytes: ole, filename: "report.doc" })).message).toMatch(
      /older Word file \(\.doc\)/u,
    );
  });

  it("refuses binary junk", async () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const error = await refusal({ bytes: junk, filename: "notes.txt" });
    expect(error.reason).toBe("binary");
    expect(error.message).toMatch(/not text/u);
  });

  it("refuses a Word file that declares more than the unpacking budget, and one that lies about its size", async () => {
    const huge = await refusal({ bytes: withDeclaredSize(docx, "word/document.xml", 0xfffffff0) });
    expect(huge.reason).toBe("zip-bomb");
    expect(huge.message).toMatch(/possible zip bomb/u);
    const lying = await refusal({ bytes: withDeclaredSize(docx, "word/document.xml", 64) });
    expect(lying.reason).toBe("zip-bomb");
    expect(lying.message).toMatch(/unpacks to more than it declares/u);
  });

  it("refuses a damaged Word file", async () => {
    const cut = docx.slice(0, docx.length - 40);
    expect((await refusal({ bytes: cut, filename: "cut.docx" })).reason).toBe("damaged");
  });

  it("asks for OCR when a PDF has no text layer", async () => {
    const error = await refusal({ bytes: await pdfWithoutText(), filename: "scan.pdf" });
    expect(error.reason).toBe("no-text-layer");
    expect(error.message).toMatch(/no text layer.*run OCR on it first/u);
  });

  it("refuses a password-protected PDF, and a damaged one", async () => {
    const locked = await refusal({ bytes: passwordProtectedPdf(), filename: "locked.pdf" });
    expect(locked.reason).toBe("encrypted");
    expect(locked.message).toMatch(/protected by a password/u);
    const damaged = await refusal({ bytes: strToU8("%PDF-1.7\nthis is not a PDF body\n%%EOF") });
    expect(damaged.reason).toBe("damaged");
  });
});
