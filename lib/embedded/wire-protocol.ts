// The few pieces of the Postgres wire protocol the embedded server must read or write itself.

const READY_FOR_QUERY = 0x5a; // 'Z'
export const IDLE = 0x49; // ReadyForQuery status 'I': outside any transaction block
export const TERMINATE = 0x58; // 'X'

// PostgreSQL's limits on a message's length word (postgres.c SocketBackend, backend_startup.c).
const SMALL_MESSAGE_LIMIT = 10_000;
const LARGE_MESSAGE_LIMIT = 0x3fff_fffe;
const LARGE_MESSAGE_TYPES = "QFPBd";
const SMALL_MESSAGE_TYPES = "XCDEHScf";

/**
 * Why PGlite must not see this message, if it must not. Where PostgreSQL would end just the one bad connection,
 * PGlite's single backend exits, hangs or crashes the whole process (measured with 0.5.14: an unknown message
 * type, a short length word, an oversized Sync, a startup packet without its terminator).
 */
export function protocolViolation(message: Uint8Array): string | undefined {
  const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  // The handler hands over as a startup packet (no type byte) whatever begins with a zero byte.
  if (bytes[0] === 0) return startupViolation(bytes);
  const type = String.fromCharCode(bytes[0] ?? 0);
  const limit = LARGE_MESSAGE_TYPES.includes(type)
    ? LARGE_MESSAGE_LIMIT
    : SMALL_MESSAGE_TYPES.includes(type)
      ? SMALL_MESSAGE_LIMIT
      : undefined;
  if (limit === undefined) return `invalid frontend message type ${JSON.stringify(type)}`;
  const length = bytes.length >= 5 ? bytes.readInt32BE(1) : -1;
  if (length !== bytes.length - 1 || length < 4 || length > limit) return `invalid length of message ${type}`;
  return undefined;
}

function startupViolation(bytes: Buffer): string | undefined {
  if (bytes.length < 9 || bytes.length > SMALL_MESSAGE_LIMIT || bytes.readInt32BE(0) !== bytes.length) {
    return "invalid length of startup packet";
  }
  if (bytes.readUInt16BE(4) !== 3) return "unsupported frontend protocol: only protocol 3 is served";
  // name\0value\0 ... name\0value\0 and a final \0.
  const strings = bytes.subarray(8, -1).toString("latin1").split("\0");
  const pairs = strings.slice(0, -1);
  const wellFormed =
    bytes.at(-1) === 0 &&
    strings.at(-1) === "" &&
    pairs.length % 2 === 0 &&
    pairs.every((s, i) => i % 2 === 1 || s !== "");
  if (!wellFormed) return "invalid startup packet layout";
  if (pairs.some((s, i) => i % 2 === 0 && s === "replication")) {
    return "replication connections are not served";
  }
  return undefined;
}

export function fatalError(text: string): Uint8Array {
  return frame("E", `SFATAL\0VFATAL\0C08P01\0M${text}\0\0`);
}

export function simpleQuery(sql: string): Uint8Array {
  return frame("Q", `${sql}\0`);
}

export const SYNC = frame("S", "");

function frame(type: string, body: string): Uint8Array {
  const bytes = Buffer.from(body);
  const message = Buffer.alloc(5 + bytes.length);
  message.write(type, 0, "latin1");
  message.writeInt32BE(4 + bytes.length, 1);
  bytes.copy(message, 5);
  return message;
}

/** Follows backend message framing across output chunks, which may split a message anywhere. */
export class ReadyForQueryTracker {
  /** Status byte of the last ReadyForQuery seen. */
  status: number | undefined;
  #header: number[] = [];
  #type = 0;
  #bodyLeft = 0;

  feed(chunk: Uint8Array): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.#bodyLeft > 0) {
        // A ReadyForQuery body is exactly its status byte.
        if (this.#type === READY_FOR_QUERY) this.status = chunk[pos];
        const taken = Math.min(this.#bodyLeft, chunk.length - pos);
        pos += taken;
        this.#bodyLeft -= taken;
        continue;
      }
      this.#header.push(chunk[pos++] ?? 0);
      if (this.#header.length === 5) {
        const header = Buffer.from(this.#header);
        this.#type = header[0] ?? 0;
        this.#bodyLeft = header.readInt32BE(1) - 4;
        this.#header = [];
      }
    }
  }
}

const QUERY = 0x51; // 'Q'
const PARSE = 0x50; // 'P'

/**
 * How a message changes the session advisory locks its connection holds: +1 for pg_advisory_lock, -1 for
 * pg_advisory_unlock, -Infinity for pg_advisory_unlock_all, 0 otherwise. Only SQL text is read (Query, Parse).
 */
export function advisoryLockChange(message: Uint8Array): number {
  if (message[0] !== QUERY && message[0] !== PARSE) return 0;
  const sql = Buffer.from(message.subarray(5)).toString("utf8");
  if (/\bpg_advisory_unlock_all\s*\(/i.test(sql)) return -Infinity;
  if (/\bpg_advisory_unlock\s*\(/i.test(sql)) return -1;
  if (/\bpg_advisory_lock\s*\(/i.test(sql)) return 1;
  return 0;
}
