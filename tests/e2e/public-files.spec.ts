// What the site serves from public/: the icons, the web manifest and robots.txt answer with their own content type and
// the security headers of every page, and the root layout names exactly this one set of icons.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

/** Width and height from a PNG's IHDR chunk, which follows the 8-byte signature and the chunk's length and type. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
}

async function fetchFile(request: APIRequestContext, path: string, type: RegExp) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toMatch(type);
  expectSecurityHeaders(response);
  return response;
}

test("the icons answer with their type and the sizes they claim", async ({ request }) => {
  const ico = await (
    await fetchFile(request, "/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/)
  ).body();
  // ICONDIR: reserved 0, type 1 (icon), then one 16-byte entry per image, whose first byte is its width.
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i));
  expect(widths).toEqual(expect.arrayContaining([16, 32]));

  expect(pngSize(await (await fetchFile(request, "/apple-touch-icon.png", /^image\/png/)).body())).toEqual([
    180, 180,
  ]);
  expect(await (await fetchFile(request, "/icon.svg", /^image\/svg\+xml/)).text()).toContain("<svg");
});

test("the web manifest names icons that exist at the sizes it gives", async ({ request }) => {
  const response = await fetchFile(request, "/manifest.webmanifest", /^application\/manifest\+json/);
  const manifest = (await response.json()) as {
    name: string;
    start_url: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest.name).toBe("ClaimDesk");
  expect(manifest.start_url).toBe("/");
  const pngs = manifest.icons.filter((icon) => icon.type === "image/png");
  expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const file = await fetchFile(request, icon.src, new RegExp(`^${icon.type.replace("+", "\\+")}`));
    if (icon.type === "image/png") {
      const [width, height] = pngSize(await file.body());
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
  }
});

test("robots.txt lets crawlers read the public pages and keeps them out of the rest", async ({ request }) => {
  const response = await fetchFile(request, "/robots.txt", /^text\/plain/);
  const rules = (await response.text())
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
  expect(rules).toContain("User-agent: *");
  for (const path of ["/api/", "/admin/", "/sign-in"]) expect(rules).toContain(`Disallow: ${path}`);
  for (const path of ["/", "/claims", "/sectors", "/entities", "/sources", "/documents"]) {
    expect(rules, path).not.toContain(`Disallow: ${path}`);
  }
});

test("every page names one set of icons and the manifest", async ({ page }) => {
  await page.goto("/sectors");
  const hrefs = (rel: string) =>
    page
      .locator(`head link[rel="${rel}"]`)
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(await hrefs("icon")).toEqual(["/favicon.ico", "/icon.svg"]);
  expect(await hrefs("apple-touch-icon")).toEqual(["/apple-touch-icon.png"]);
  expect(await hrefs("manifest")).toEqual(["/manifest.webmanifest"]);
  expect(await hrefs("shortcut icon")).toEqual([]);
});
