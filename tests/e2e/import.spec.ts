// Importing a report as a reviewer would: upload a Word file, watch the stages, open the draft with its claims
// marked; paste a text; a file that cannot be read says why. Only reviewers and admins reach the page.
import { uniqueTag } from "@/prisma/factories";
import { docxBytes } from "../fixtures/formats/build";
import { axeViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

/** A short Word report of its own, so no other test's import makes this one a duplicate. */
function wordReport(tag: string): Buffer {
  return Buffer.from(
    docxBytes({
      core: { title: `Ascend supply brief ${tag}` },
      paragraphs: [
        { style: "Title", runs: [`Ascend supply brief ${tag}`] },
        { style: "Heading1", runs: ["Orders"] },
        {
          style: "Normal",
          runs: [
            "ByteDance placed orders for 100,000 Ascend 910C chips in 2025, according to ",
            { link: "https://example.com/ascend-orders", text: "a supplier report" },
            ".",
            { footnote: 1 },
          ],
        },
        { style: "Bullet", runs: ["Tencent Cloud plans a new cluster in Guizhou by 2026."] },
        { style: "Heading1", runs: ["Outlook"] },
        { style: "Normal", runs: ["Analysts at Bernstein expect Huawei to ship 700,000 AI chips in 2026."] },
        { style: "Normal", runs: ["Will the controls hold?"] },
      ],
      footnotes: { 1: `Supply chain survey ${tag}, March 2025.` },
    }),
  );
}

test("a reviewer uploads a Word report, watches it import and opens the draft", async ({
  page,
  signInAs,
}) => {
  await signInAs("REVIEWER");
  const tag = uniqueTag();
  await page.goto("/documents/new");
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "ascend-brief.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: wordReport(tag),
  });
  await page.getByLabel("Publisher").fill("Desk research");
  await page.getByRole("button", { name: "Import" }).click();

  const stages = page.getByRole("list", { name: "Stages" });
  await expect(stages.getByRole("listitem")).toHaveCount(5);
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 30_000 });
  await expect(stages.getByText(/: done$/)).toHaveCount(5);
  await expect(page.getByText(/3 candidate claims/)).toBeVisible();
  await expect(page).toHaveURL(/\/documents\/new\?import=\d+$/);

  await page.getByRole("link", { name: "Open the draft" }).click();
  await expect(page.getByRole("heading", { name: `Ascend supply brief ${tag}`, level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Draft" })).toContainText("3 candidate claims");
  // Its claims are marked in the text, each leading to what the importer found in it.
  const marks = page.locator('article a[id^="candidate-"]');
  await expect(marks).toHaveCount(3);
  await expect(marks.first()).toContainText("ByteDance placed orders for 100,000 Ascend 910C chips");
  // New names are proposed, and the link the sentence cites is its source.
  await expect(page.getByText("ByteDance").first()).toBeVisible();
  await expect(page.locator('a[href="https://example.com/ascend-orders"]').first()).toBeAttached();
});

test("a pasted text takes its title from its first line", async ({ page, signInAs }) => {
  await signInAs("ADMIN");
  const tag = uniqueTag();
  await page.goto("/documents/new");
  await page.getByText("Paste text").click();
  await page
    .getByLabel("Text", { exact: true })
    .fill(`Compute hubs ${tag}\n\nChina Mobile opened a 20,000-GPU cluster in Hohhot in 2025.`);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(`Compute hubs ${tag}`);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`Compute hubs ${tag}`)).toBeVisible();
});

test("a file that cannot be read fails with the reason, and the form comes back", async ({
  page,
  signInAs,
}) => {
  await signInAs("REVIEWER");
  await page.goto("/documents/new");
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "scan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]),
  });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import failed" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("alert").filter({ hasText: "This file is not text" })).toBeVisible();
  await page.getByRole("button", { name: "Import another report" }).click();
  await expect(page.getByLabel("File", { exact: true })).toBeVisible();
});

test("only reviewers and admins reach the import page", async ({ page, signInAs }) => {
  await page.goto("/documents/new");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdocuments%2Fnew/);
  await signInAs("ANALYST");
  const response = await page.goto("/documents/new");
  expect(response?.status()).toBe(404);
});

for (const theme of ["light", "dark"] as const) {
  test(`the import page passes axe in the ${theme} theme, form and progress`, async ({ page, signInAs }) => {
    await page.emulateMedia({ colorScheme: theme });
    await signInAs("REVIEWER");
    await page.goto("/documents/new");
    if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Choose a file" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByText("Paste text").click();
    await page
      .getByLabel("Text", { exact: true })
      .fill(`Axe check ${uniqueTag()}\n\nBaidu said Ernie 4.5 reached 100 million users in 2025.`);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
  });
}
