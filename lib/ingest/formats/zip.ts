// The table of contents of a ZIP file (a .docx is one), read from its central directory without inflating anything,
// and a check that inflating it stays within a byte budget: a zip bomb is refused before a parser meets it.
import { Inflate, inflateSync } from "fflate";
import { DocumentReadError } from "./errors";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** ZIP64 marks sizes it moved elsewhere with this value; no document we read needs ZIP64. */
const ZIP64_MARK = 0xffffffff;

const damaged = () =>
  new DocumentReadError("damaged", "This file looks like a ZIP archive (as a .docx is) but it is damaged.");

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_FILE_HEADER) throw damaged();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses an archive whose entries would inflate past `maxBytes` in all, judged first by the sizes the central
 * directory declares and then by inflating each entry in pieces, so that an entry lying about its size is stopped
 * as soon as it exceeds what it declared.
 */
export function assertInflatesWithin(bytes: Uint8Array, entries: ZipEntry[], maxBytes: number): void {
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (
    entries.some((e) => e.uncompressedSize === ZIP64_MARK || e.compressedSize === ZIP64_MARK) ||
    declared > maxBytes
  )
    throw bomb(maxBytes);
  for (const entry of entries) {
    if (entry.method === STORED) {
      if (entry.compressedSize !== entry.uncompressedSize) throw damaged();
      continue;
    }
    if (entry.method !== DEFLATED) throw damaged();
    let inflated = 0;
    const inflater = new Inflate((chunk) => {
      inflated += chunk.length;
    });
    const data = compressedData(bytes, entry);
    const piece = 16 * 1024;
    try {
      for (let at = 0; at < data.length; at += piece) {
        inflater.push(data.subarray(at, at + piece), at + piece >= data.length);
        if (inflated > entry.uncompressedSize) throw lyingSize();
      }
    } catch (error) {
      if (error instanceof DocumentReadError) throw error;
      throw damaged();
    }
  }
}

/** One entry's content; call after assertInflatesWithin, which bounds its size. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = compressedData(bytes, entry);
  if (entry.method === STORED) return data;
  try {
    return inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) });
  } catch {
    throw damaged();
  }
}

function bomb(maxBytes: number): DocumentReadError {
  return new DocumentReadError(
    "zip-bomb",
    `This file would unpack to more than ${Math.round(maxBytes / 2 ** 20)} MB, far more than any report: it was refused as a possible zip bomb.`,
  );
}

function lyingSize(): DocumentReadError {
  return new DocumentReadError(
    "zip-bomb",
    "This file unpacks to more than it declares, as a zip bomb does: it was refused.",
  );
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_FILE_HEADER) throw damaged();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damaged();
  return bytes.subarray(start, start + entry.compressedSize);
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes, followed by a comment of at most 65535 bytes.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw damaged();
}
