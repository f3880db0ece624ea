/** The secret of the throw-away server under test (see playwright.config.ts); known to the fixtures only. */
export const E2E_AUTH_SECRET = "claimdesk-e2e-only-secret-not-for-any-real-server";
