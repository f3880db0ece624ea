// Errors the data layer throws for conditions a person can act on; actions turn them into messages.

/** Someone saved a newer version first. The form keeps what this person typed, to re-apply on the new version. */
export class StaleVersionError extends Error {
  constructor(what: string) {
    super(
      `Someone else changed this ${what} while you were editing. Your text is kept below: review the latest version, then save again.`,
    );
    this.name = "StaleVersionError";
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`This ${what} no longer exists.`);
    this.name = "NotFoundError";
  }
}

/** A request that is well-formed but not allowed in the record's current state (e.g. replying to a deleted note). */
export class InvalidStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidStateError";
  }
}
