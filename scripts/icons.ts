// `npm run icons`: draws the icons the site serves from public/icon.svg, in Chromium, so that every one is the same
// drawing: favicon.ico (16, 32 and 48 px, for browsers and tools that ask for /favicon.ico), apple-touch-icon.png and
// the web manifest's icon-192.png and icon-512.png. Run it after changing icon.svg and commit what it writes.
import fs from "node:fs/promises";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";

const PUBLIC = path.join(import.meta.dirname, "../public");
const FAVICON_SIZES = [16, 32, 48];
const APPLE_TOUCH_SIZE = 180;
const MANIFEST_SIZES = [192, 512];

async function main() {
  const svg = await fs.readFile(path.join(PUBLIC, "icon.svg"), "utf8");
  // iOS rounds the corners itself and shows transparent ones black: the touch icon fills its square with the tile.
  const tile = /<rect\b[^>]*\bfill="([^"]+)"/.exec(svg)?.[1];
  if (!tile) throw new Error("icon.svg has no <rect fill=…> to fill the touch icon's corners with");

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const write = async (name: string, data: Buffer) => {
      await fs.writeFile(path.join(PUBLIC, name), data);
      console.log(`public/${name}: ${data.length} bytes`);
    };
    const favicons = [];
    for (const size of FAVICON_SIZES) favicons.push({ size, png: await draw(page, svg, size) });
    await write("favicon.ico", icoOf(favicons));
    await write("apple-touch-icon.png", await draw(page, svg, APPLE_TOUCH_SIZE, tile));
    for (const size of MANIFEST_SIZES) await write(`icon-${size}.png`, await draw(page, svg, size));
  } finally {
    await browser.close();
  }
}

/** The SVG as a PNG of `size` pixels square, on `background` or transparent. */
async function draw(page: Page, svg: string, size: number, background = "transparent"): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  await page.setContent(
    `<body style="margin:0;background:${background}"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`,
  );
  await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
  return page.screenshot({ omitBackground: background === "transparent", type: "png" });
}

/** An ICO file whose images are PNGs, as the format has allowed since Windows Vista. */
function icoOf(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0); // 0 stands for 256
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

await main();
