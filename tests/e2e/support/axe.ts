// axe-core's WCAG 2 A and AA rules on the page as it stands, one line per violation.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; help: string; nodes: { target: string[] }[] };

/** axe runs through the debugging protocol, which the page's Content-Security-Policy does not govern. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: ["wcag2a", "wcag2aa"] });
    return result.violations;
  });
  return found.map((v) => `${v.id} (${v.help}): ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}
