// For a read a page starts and hands to a component that awaits it later (inside Suspense, or through use()).
import "server-only";

/**
 * Gives the promise a handler now, so that if it fails before anything awaits it (React stops rendering when the
 * request is aborted or a sibling's error replaces the page, and the component that would await it never runs),
 * Node does not report an unhandledRejection. Whoever does await it still gets the rejection.
 */
export function awaitedLater<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}
