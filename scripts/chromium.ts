// The Chromium that the browser tests and the icon drawing launch: Debian's where it is installed (.ci/run installs
// it; Playwright cannot download its own browser on our machines), elsewhere the one `npx playwright install chromium`
// fetched.
import fs from "node:fs";

export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];
