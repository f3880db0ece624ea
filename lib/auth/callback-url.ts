/** Where to go after signing in: a path on this site only, so a crafted link cannot send people elsewhere. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  // "//host" and "/\host" are protocol-relative to browsers; control characters never belong in a path.

  if (
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.startsWith("/\\") ||
    /[\u0000-\u001f]/.test(value)
  ) {
    return "/";
  }
  return value.startsWith("/sign-in") ? "/" : value;
}
