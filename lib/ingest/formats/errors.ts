// Why a file could not be read, in words for the person who uploaded it; `reason` lets callers tell the cases apart.

export type DocumentReadFailure =
  | "empty"
  | "too-large"
  | "unsupported-type"
  | "binary"
  | "zip-bomb"
  | "damaged"
  | "no-text-layer"
  | "encrypted"
  | "unusable-text";

export class DocumentReadError extends Error {
  readonly reason: DocumentReadFailure;

  constructor(reason: DocumentReadFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DocumentReadError";
    this.reason = reason;
  }
}
