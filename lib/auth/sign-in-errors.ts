// The one sign-in failure the form names apart from the others. next-auth hands the message authorize() throws to
// the browser as signIn()'s `error` (in a URL), so it is a code, never a message with details.
export const SIGN_IN_DATABASE_UNAVAILABLE = "DatabaseUnavailable";
