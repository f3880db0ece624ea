// The review region of a claim's page in a browser: hostile notes stay inert, concurrent edits keep the loser's
// text, and the whole journey from two reviewers' differing verdicts to an admin's settlement in the history.
// Each test makes its own accounts and claim, so the tests run in parallel.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import type { Actor } from "@/lib/auth/permissions";
import { makeClaim, makeSource, makeUser } from "@/prisma/factories";
import { withPgClient } from "../helpers/db";
import { expect, signInContext, test } from "./support/fixtures";

async function notesOf(claimId: number): Promise<{ body: string; evidenceLocator: string | null }[]> {
  return withPgClient(
    async (client) =>
      (
        await client.query<{ body: string; evidenceLocator: string | null }>(
          `SELECT body, "evidenceLocator" FROM "Annotation" WHERE "claimId" = $1 ORDER BY id`,
          [claimId],
        )
      ).rows,
  );
}

async function pageAs(browser: Browser, baseURL: string, user: Actor): Promise<Page> {
  const context = await browser.newContext();
  await signInContext(context, baseURL, user);
  return context.newPage();
}

function composer(page: Page) {
  return page.getByRole("form", { name: "Add a note" });
}

async function addNote(page: Page, body: string) {
  const form = composer(page);
  await form.getByLabel("Note", { exact: true }).fill(body);
  await form.getByRole("button", { name: "Add note" }).click();
  // The composer empties only once the note is saved.
  await expect(form.getByLabel("Note", { exact: true })).toHaveValue("");
}

test("hostile notes are stored exactly as typed and render inert", async ({ page, signInAs, db }) => {
  // Three notes saved and the page rendered twice, on a 2-core machine.
  test.slow();
  const { id: claimId } = await makeClaim(db);
  await signInAs("REVIEWER", "Hal Hostile");
  const incidents: string[] = [];
  page.on("dialog", async (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => incidents.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") incidents.push(`console: ${message.text()}`);
  });

  const hostile = [
    "<script>window.__pwned = 'script'; alert('script')</script>\n\n<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">",
    "[click me](javascript:window.__pwned='link';alert('link')) and ![pic](javascript:alert('pic')) and <javascript:alert('auto')>",
    "<a href=\"javascript:alert('raw')\" onclick=\"alert('onclick')\">raw anchor</a> <svg onload=\"alert('svg')\"></svg> <iframe src=\"javascript:alert('frame')\"></iframe> [encoded](&#106;avascript:alert('encoded'))",
  ];
  await page.goto(`/claims/${claimId}`);
  for (const body of hostile) await addNote(page, body);

  // Stored intact: nothing was stripped or escaped on the way in.
  expect((await notesOf(claimId)).map((note) => note.body)).toEqual(hostile);

  for (const load of ["after saving", "server-rendered"]) {
    if (load === "server-rendered") await page.reload();
    const notes = page.getByRole("list", { name: "Notes" });
    await expect(notes.getByRole("article")).toHaveCount(3);
    // Raw HTML shows as the text that was typed.
    await expect(notes).toContainText("<script>window.__pwned = 'script'; alert('script')</script>");
    await expect(notes).toContainText("<img src=x onerror=");
    await expect(notes.getByText("click me", { exact: true })).toBeVisible();
    for (const selector of ["script", "img", "iframe", "svg", "[onerror]", "[onclick]", "[onload]"]) {
      await expect(notes.locator(selector)).toHaveCount(0);
    }
    // javascript: addresses are not links at all; no link in the thread points anywhere but the web.
    await expect(notes.getByRole("link", { name: "click me" })).toHaveCount(0);
    await expect(notes.getByRole("link", { name: "encoded" })).toHaveCount(0);
    for (const href of await notes
      .locator("a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
      expect(href).toMatch(/^(https?:|mailto:|\/|#)/);
    }
    // Clicking where a link would have been does nothing either.
    await notes.getByText("click me", { exact: true }).click();
    await notes.getByText("raw anchor").click();
  }

  // The preview renders the same way before anything is saved.
  const form = composer(page);
  await form.getByLabel("Note", { exact: true }).fill(hostile[0]!);
  await form.getByRole("button", { name: "Preview" }).click();
  const preview = form.getByRole("region", { name: "Preview of the note" });
  await expect(preview).toContainText("<script>");
  await expect(preview.locator("script, img")).toHaveCount(0);

  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned ?? null)).toBeNull();
  expect(incidents).toEqual([]);
});

test("a note over the limit is refused in the form with the text kept; anonymous visitors see no thread", async ({
  page,
  signInAs,
  browser,
  db,
}) => {
  // A megabyte typed into a controlled field takes a while on a 2-core machine.
  test.slow();
  const { id: claimId } = await makeClaim(db);
  await signInAs("REVIEWER");
  await page.goto(`/claims/${claimId}`);
  const form = composer(page);
  const body = form.getByLabel("Note", { exact: true });
  const megabyte = "x".repeat(1024 * 1024);
  await body.fill(megabyte);
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(form.getByText("Note must be at most 20,000 characters.")).toBeVisible();
  await expect(form.getByRole("alert")).toHaveText("Some fields need attention.");
  await expect(body).toHaveAttribute("aria-invalid", "true");
  expect(await body.evaluate((element: HTMLTextAreaElement) => element.value.length)).toBe(megabyte.length);
  expect(await notesOf(claimId)).toEqual([]);

  await body.fill("Within the limit now.");
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("list", { name: "Notes" })).toContainText("Within the limit now.");

  const anonymous = await browser.newPage();
  await anonymous.goto(`/claims/${claimId}`);
  const region = anonymous.getByRole("region", { name: "Review", exact: true });
  await expect(region.getByRole("link", { name: "Sign in to see the review thread" })).toBeVisible();
  await expect(anonymous.getByText("Within the limit now.")).toHaveCount(0);
  await expect(anonymous.getByRole("region", { name: "Review notes" })).toHaveCount(0);
  await anonymous.close();
});

test("two concurrent edits of one note: one wins, the other sees the conflict with its text kept", async ({
  page,
  browser,
  baseURL,
  signInAs,
  db,
}) => {
  // Two browser contexts saving in turn, on a 2-core machine.
  test.slow();
  const { id: claimId } = await makeClaim(db);
  const author = await signInAs("REVIEWER", "Edith Editor");
  await page.goto(`/claims/${claimId}`);
  await addNote(page, "The original wording.");
  const other = await pageAs(browser, baseURL!, author);
  await other.goto(`/claims/${claimId}`);

  const note = (on: Page) => on.getByRole("article", { name: "Edith Editor's note" });
  for (const on of [page, other]) await note(on).getByRole("button", { name: "Edit" }).click();
  const editor = (on: Page) => note(on).getByRole("form", { name: "Edit your note" });
  await editor(page).getByLabel("Note", { exact: true }).fill("The first tab's wording.");
  await editor(other).getByLabel("Note", { exact: true }).fill("The second tab's wording, typed with care.");

  await editor(page).getByRole("button", { name: "Save changes" }).click();
  await expect(note(page)).toContainText("The first tab's wording.");
  await expect(note(page).getByRole("button", { name: /edited · show 1 earlier version/ })).toBeVisible();

  await editor(other).getByRole("button", { name: "Save changes" }).click();
  await expect(editor(other).getByRole("alert")).toContainText(
    "Someone else changed this note while you were editing. Your text is kept below",
  );
  await expect(editor(other).getByLabel("Note", { exact: true })).toHaveValue(
    "The second tab's wording, typed with care.",
  );
  // The latest version shows beside the kept text, so the person can merge before saving again.
  await expect(note(other).getByText("Latest version (version 2")).toBeVisible();
  await expect(note(other)).toContainText("The first tab's wording.");
  expect((await notesOf(claimId)).map((row) => row.body)).toEqual(["The first tab's wording."]);

  await editor(other).getByRole("button", { name: "Save changes" }).click();
  await expect(editor(other)).toHaveCount(0);
  await expect(note(other)).toContainText("The second tab's wording, typed with care.");
  await note(other)
    .getByRole("button", { name: /edited · show 2 earlier versions/ })
    .click();
  const versions = note(other).getByRole("list", { name: "Earlier versions of Edith Editor's note" });
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await expect(versions.getByRole("listitem").nth(0)).toContainText("The first tab's wording.");
  await expect(versions.getByRole("listitem").nth(1)).toContainText("The original wording.");
  await other.context().close();
});

test("journey: two reviewers disagree, the claim shows who said what, an admin settles, history has every step", async ({
  browser,
  baseURL,
  db,
}) => {
  // Three people, each with their own browser context, on a 2-core machine.
  test.slow();
  const { id: claimId } = await makeClaim(db);
  const run = randomUUID().slice(0, 8);
  const [rita, sam, ada] = await Promise.all([
    makeUser(db, { role: "REVIEWER", name: `Rita ${run}` }),
    makeUser(db, { role: "REVIEWER", name: `Sam ${run}` }),
    makeUser(db, { role: "ADMIN", name: `Ada ${run}` }),
  ]);
  const sourceUrl = `https://example.org/chips-report-${run}`;
  const index = await makeSource(db, { title: `Index ${run}` });

  // Rita starts the review and gives a verdict with a new source as evidence.
  const ritaPage = await pageAs(browser, baseURL!, rita);
  await ritaPage.goto(`/claims/${claimId}`);
  const status = ritaPage.getByRole("form", { name: "Review status" });
  await status.getByLabel("Status").selectOption("IN_REVIEW");
  await status.getByRole("button", { name: "Save status" }).click();
  await expect(status.getByRole("status")).toHaveText("Status saved.");
  let form = composer(ritaPage);
  await form.getByLabel("Note", { exact: true }).fill("The **2025 report** confirms this figure.");
  await form.getByLabel("Verdict").selectOption("SUPPORTED");
  await form.getByLabel("A new source by URL").check();
  await form.getByLabel("URL", { exact: true }).fill(sourceUrl);
  await form.getByLabel("Title", { exact: true }).fill(`Chips report ${run}`);
  await form.getByLabel("Publisher", { exact: true }).fill("Example Research");
  await form.getByLabel("Quote or locator").fill("Table 2, page 14");
  await form.getByRole("button", { name: "Add note" }).click();
  const ritaNote = ritaPage.getByRole("article", { name: `Rita ${run}'s note` });
  await expect(ritaNote.getByRole("link", { name: `Chips report ${run}` })).toHaveAttribute(
    "href",
    sourceUrl,
  );
  await expect(ritaNote).toContainText("Table 2, page 14");
  await expect(ritaNote.locator("strong")).toHaveText("2025 report");
  await expect(ritaPage.getByRole("region", { name: "Review", exact: true })).toContainText("Supported");

  // Sam disagrees, citing a source from the catalog.
  const samPage = await pageAs(browser, baseURL!, sam);
  await samPage.goto(`/claims/${claimId}`);
  form = composer(samPage);
  await form.getByLabel("Note", { exact: true }).fill("The index says otherwise.");
  await form.getByLabel("Verdict").selectOption("FALSE");
  await form.getByLabel("A source in the catalog").check();
  await form.getByLabel("Search sources").fill(index.title);
  await form.getByRole("list", { name: "Matching sources" }).getByRole("button").first().click();
  await expect(form).toContainText(`Source: ${index.title}`);
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(samPage.getByRole("article", { name: `Sam ${run}'s note` })).toContainText(
    `Evidence: ${index.title}`,
  );

  // The claim shows the disagreement, who said what, with links to their notes.
  const disagreement = samPage.getByRole("region", { name: "Reviewers disagree" });
  await expect(disagreement).toBeVisible();
  const verdicts = disagreement.getByRole("list", { name: "Verdict by reviewer" }).getByRole("listitem");
  await expect(verdicts).toHaveCount(2);
  await expect(verdicts.nth(0)).toContainText(`Rita ${run}`);
  await expect(verdicts.nth(0)).toContainText("Supported");
  await expect(verdicts.nth(1)).toContainText(`Sam ${run}`);
  await expect(verdicts.nth(1)).toContainText("False");
  await verdicts
    .nth(0)
    .getByRole("link", { name: `See Rita ${run}'s note` })
    .click();
  await expect(samPage.locator(":target")).toHaveAccessibleName(`Rita ${run}'s note`);
  // Neither reviewer is assigned, so neither may settle.
  await expect(samPage.getByRole("form", { name: "Settle the verdict" })).toHaveCount(0);

  // The admin settles it.
  const adaPage = await pageAs(browser, baseURL!, ada);
  await adaPage.goto(`/claims/${claimId}`);
  await expect(adaPage.getByRole("region", { name: "Reviewers disagree" })).toBeVisible();
  const settle = adaPage.getByRole("form", { name: "Settle the verdict" });
  await settle.getByLabel("Settled verdict").selectOption("FALSE");
  await settle.getByRole("button", { name: "Settle verdict" }).click();
  await expect(settle.getByRole("status")).toHaveText("Verdict settled.");
  const review = adaPage.getByRole("region", { name: "Review", exact: true });
  await expect(review.getByRole("region", { name: "Reviewers' verdicts" })).toBeVisible();
  await expect(review.getByRole("region", { name: "Reviewers disagree" })).toHaveCount(0);
  await expect(review).toContainText("Reviewed");

  // The history, newest first, has every step with who did it.
  const history = adaPage.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem");
  const steps = [
    `Ada ${run} settled the verdict as False`,
    `Sam ${run} added a note with the verdict False`,
    `Rita ${run} gave the verdict reviewers agree on: Supported`,
    `Rita ${run} added a note with the verdict Supported`,
    `Rita ${run} added the source “Chips report ${run}” as evidence`,
    `Rita ${run} changed the status from Unreviewed to In review`,
  ];
  await expect(history).toHaveCount(steps.length);
  for (const [index, step] of steps.entries()) await expect(history.nth(index)).toContainText(step);
  await expect(history.nth(0)).toContainText(`Reviewers had said: Rita ${run}: Supported; Sam ${run}: False`);
  await expect(history.nth(0)).toContainText("Status");
  await expect(history.nth(3)).toContainText("Quote or locator");

  for (const opened of [ritaPage, samPage, adaPage]) await opened.context().close();
});

test("a reviewer takes a claim from its page and finds it in their queue, filtered by status", async ({
  page,
  signInAs,
  db,
}) => {
  // Four page loads, each reading the claim and its review, on a 2-core machine.
  test.slow();
  const { id: claimId } = await makeClaim(db);
  await signInAs("REVIEWER", "Quinn Queue");
  await page.goto("/queue");
  await expect(page.getByText("Your queue is empty")).toBeVisible();

  await page.goto(`/claims/${claimId}`);
  const take = page.getByRole("form", { name: "Take the claim" });
  await take.getByRole("button", { name: "Take this claim" }).click();
  await expect(page.getByRole("form", { name: "Release the claim" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Review", exact: true })).toContainText("Quinn Queue");

  await page.goto("/queue");
  await expect(page.locator(`a[href="/claims/${claimId}"]`)).toBeVisible();
  const filters = page.getByRole("navigation", { name: "Filter by status" });
  await filters.getByRole("link", { name: /In review/ }).click();
  await expect(page).toHaveURL(/\/queue\?status=IN_REVIEW$/);
  await expect(page.getByText("No claim in your queue has this status")).toBeVisible();
  await filters.getByRole("link", { name: /Unreviewed/ }).click();
  await expect(page.locator(`a[href="/claims/${claimId}"]`)).toBeVisible();
});
