import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/chromium";
import { E2E_AUTH_SECRET } from "./tests/e2e/support/auth-secret";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 30_000,
  // Our machines have 2 cores, shared with the server under test and the database; 5 s proved tight.
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT ?? "test-results/e2e.json" }]],
  globalSetup: "./tests/e2e/global-setup.ts",
  outputDir: "test-results/e2e",
  use: {
    baseURL,
    // A failed test keeps its trace: DOM snapshots of every step, network and console. Not the screencast: encoding
    // the frames of every animation (a loading skeleton's pulse) takes enough of our 2 cores that, with two workers,
    // a click through to an entity's page took up to 12-17 s instead of 7 s, past the 10 s an expectation waits.
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `npx next start -H 127.0.0.1 -p ${port}`,
    // Playwright waits for this before global setup has migrated the database: a page that reads nothing from it.
    url: `${baseURL}/sign-in`,
    // A server left over from an earlier run may serve a stale build or database: never reuse one.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    // Tests sign in by minting session cookies with the same secret (tests/e2e/support/).
    env: { NEXTAUTH_URL: baseURL, NEXTAUTH_SECRET: E2E_AUTH_SECRET },
  },
});
