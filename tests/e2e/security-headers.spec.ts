// The security headers on every kind of response the real server gives, which proxy.ts's matcher and Next.js's
// own handling of static files and prefetches decide between them.
import { expect, test } from "./support/fixtures";

const SECURITY_HEADERS = [
  "content-security-policy",
  "x-frame-options",
  "x-content-type-options",
  "referrer-policy",
];

test("pages, prefetches, the icon, static files, API answers and 404s all carry them, and no X-Powered-By", async ({
  page,
  request,
}) => {
  const prefetch = page.waitForResponse(
    (response) => response.request().headers()["next-router-prefetch"] === "1",
  );
  await page.goto("/claims");
  const browserPrefetch = await prefetch;
  const script = await page.locator('script[src*="/_next/static/"]').first().getAttribute("src");

  const responses = {
    page: await request.get("/claims"),
    "browser prefetch": browserPrefetch,
    "purpose: prefetch": await request.get("/entities", { headers: { purpose: "prefetch" } }),
    icon: await request.get("/icon.svg"),
    "static file": await request.get(script!),
    api: await request.get("/api/claims?size=10"),
    "not found": await request.get("/no-such-page"),
  };
  for (const [name, response] of Object.entries(responses)) {
    // A browser's response lists some headers only through allHeaders().
    const headers = "allHeaders" in response ? await response.allHeaders() : response.headers();
    expect({
      name,
      missing: SECURITY_HEADERS.filter((header) => !headers[header]),
      frames: headers["x-frame-options"],
      sniffs: headers["x-content-type-options"],
      poweredBy: headers["x-powered-by"],
    }).toEqual({ name, missing: [], frames: "DENY", sniffs: "nosniff", poweredBy: undefined });
  }
});
