// The claims explorer as an analyst uses it: filters, entity typeahead, search with highlights, the round trip
// to a claim and back, shared links that are malformed, the empty state, the keyboard, and the CSV export.
// Each test makes its own claims and looks at them through a filter only they match, so the tests run in parallel
// beside tests that add claims of their own.
import fs from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import type { Prisma } from "@/lib/prisma-client";
import { makeDocument, makeEntity, makeSector, uniqueTag, type ClaimSpec } from "@/prisma/factories";
import { expect, test } from "./support/fixtures";

function summary(page: Page): Locator {
  return page.locator("#claims-summary");
}

/** The summary of a filtered table: its own count, out of however many claims the other tests have made. */
const matching = (count: number) => new RegExp(`^${count} of [\\d,]+ claims? match`);

/** The claim text links of the table's rows, in order. */
function claimLinks(page: Page): Locator {
  return page.getByRole("table").getByRole("rowheader").getByRole("link");
}

async function claimIds(page: Page): Promise<number[]> {
  const hrefs = await claimLinks(page).evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  return hrefs.map((href) => Number(href?.split("/").at(-1)));
}

async function pickFilterOption(page: Page, filter: string, option: string) {
  await page.getByRole("button", { name: new RegExp(`^${filter}`) }).click();
  await page
    .getByRole("listbox", { name: filter })
    .getByRole("option", { name: new RegExp(`^${option}`) })
    .click();
  await page.keyboard.press("Escape");
}

function activeFilters(page: Page): Locator {
  return page.getByRole("list", { name: "Active filters" });
}

/** An entity of the test's own that some of its claims name, in a document of their own. */
async function entityWithClaims(db: Prisma, claims: number) {
  const entity = await makeEntity(db);
  const { claims: made } = await makeDocument(db, {
    sections: [
      {
        claims: Array.from({ length: claims }, (_, i): ClaimSpec => ({
          text: `${entity.name} reported figure ${i + 1} for the year.`,
          entities: [entity],
        })),
      },
    ],
  });
  return { entity, claims: made };
}

test("an analyst narrows by sector and by entity (typed in Chinese), opens a claim and comes back to the same view", async ({
  page,
  db,
}) => {
  // Six page loads and two filter menus: 27-36 s on a loaded 2-core machine, past the default 30 s budget.
  test.slow();
  const tag = uniqueTag();
  const sector = await makeSector(db, { name: `Chips ${tag}` });
  const entity = await makeEntity(db, { name: `Qilin Dynamics ${tag}`, aliases: [[`麒麟动力${tag}`, "zh"]] });
  const claim = (text: string, named: boolean, inSector = true): ClaimSpec => ({
    text: named ? `${entity.name} ${text}` : `A rival ${text}`,
    sectors: inSector ? [sector] : [],
    entities: named ? [entity] : [],
  });
  await makeDocument(db, {
    sections: [
      {
        claims: [
          claim("shipped its first accelerator.", true),
          claim("doubled its chip output.", true),
          claim("opened a new fab.", false),
          claim("hired chip designers.", true, false),
        ],
      },
    ],
  });
  const inSector = 3;
  const inSectorWithEntity = 2;

  await page.goto("/claims");
  await expect(page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();

  await pickFilterOption(page, "Sector", sector.name);
  await expect(page).toHaveURL(new RegExp(`[?&]sector=${sector.slug}(&|$)`));
  await expect(summary(page)).toHaveText(matching(inSector));
  await expect(claimLinks(page)).toHaveCount(inSector);

  await page.getByRole("button", { name: /^Entity/ }).click();
  await page.getByRole("combobox", { name: "Find entity" }).fill(`麒麟动力${tag}`);
  // The alias that matched is shown, since the English name alone would not explain the hit.
  const option = page.getByRole("option", { name: new RegExp(`^${entity.name}.*麒麟动力${tag}`) });
  await expect(option).toBeVisible();
  await option.click();
  await page.keyboard.press("Escape");

  await expect(page).toHaveURL(new RegExp(`[?&]entity=${entity.slug}(&|$)`));
  await expect(activeFilters(page).getByRole("listitem")).toHaveText([
    new RegExp(`Sector:\\s*${sector.name}`),
    new RegExp(`Entity:\\s*${entity.name}`),
  ]);
  await expect(summary(page)).toHaveText(matching(inSectorWithEntity));
  await expect(claimLinks(page)).toHaveCount(inSectorWithEntity);
  const filteredUrl = page.url();
  const ids = await claimIds(page);
  const firstText = await claimLinks(page).first().textContent();

  await claimLinks(page).first().click();
  await expect(page).toHaveURL(new RegExp(`/claims/${ids[0]}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstText!);

  await page.goBack();
  await expect(page).toHaveURL(filteredUrl);
  await expect(activeFilters(page).getByRole("listitem")).toHaveText([
    new RegExp(sector.name),
    new RegExp(entity.name),
  ]);
  await expect(summary(page)).toHaveText(matching(inSectorWithEntity));
  expect(await claimIds(page)).toEqual(ids);

  await page.reload();
  await expect(page).toHaveURL(filteredUrl);
  await expect(activeFilters(page).getByRole("listitem")).toHaveText([
    new RegExp(sector.name),
    new RegExp(entity.name),
  ]);
  expect(await claimIds(page)).toEqual(ids);
});

test("a search marks its matches, and a misspelt entity name still finds the entity", async ({
  page,
  db,
}) => {
  // Tags of their own: a search for the word would otherwise also find the entity's claims by its name's tag.
  const word = `wards${uniqueTag()}`;
  const tag = uniqueTag();
  const entity = await makeEntity(db, { name: `Brightwater ${tag}` });
  await makeDocument(db, {
    sections: [
      {
        claims: [
          { text: `Two ${word} opened in the east.` },
          { text: `The ${word} were funded by the province.` },
          { text: `${entity.name} tripled its revenue.`, entities: [entity] },
          { text: `Analysts doubt ${entity.name} can keep growing.`, entities: [entity] },
        ],
      },
    ],
  });

  await page.goto("/claims");
  const search = page.getByRole("searchbox", { name: "Search claims" });
  await search.fill(word);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}(&|$)`));
  await expect(summary(page)).toHaveText(matching(2));
  const rows = page.getByRole("table").getByRole("rowheader");
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row.locator("mark").first()).toHaveText(word);

  // Typing waits for a pause before it searches: no Enter this time.
  const typo = `Brigthwater ${tag}`;
  await search.fill(typo);
  await expect(page).toHaveURL(new RegExp(`[?&]q=Brigthwater(\\+|%20)${tag}(&|$)`));
  await expect(activeFilters(page)).toContainText(`“${typo}”`);
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    await expect(row.locator("mark", { hasText: entity.name }).first()).toBeVisible();
  }
  // The search box keeps the text that was typed.
  await expect(search).toHaveValue(typo);
});

test("a malformed link shows the default table, not an error", async ({ page, db }) => {
  const { document, claims } = await makeDocument(db, {
    sections: [{ claims: Array.from({ length: 30 }, () => ({})) }],
  });
  await page.goto(`/claims?document=${document.id}&page=abc&size=9999&sort=evil&kind=NOPE`);
  await expect(page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "This page could not be loaded" })).toHaveCount(0);
  await expect(summary(page)).toHaveText(matching(claims.length));
  await expect(claimLinks(page)).toHaveCount(25);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  const pageLink = (number: number) => pagination.getByRole("link", { name: `Page ${number}`, exact: true });
  await expect(pageLink(1)).toHaveAttribute("aria-current", "page");
  await expect(pageLink(3)).toHaveCount(0);
  // Only the filter that made sense is kept.
  await expect(activeFilters(page).getByRole("listitem")).toHaveCount(1);
  await expect(activeFilters(page)).toContainText(document.title);

  await pagination.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(claimLinks(page)).toHaveCount(claims.length - 25);
  await expect(pageLink(2)).toHaveAttribute("aria-current", "page");
  await expect(pagination.getByRole("link", { name: "Next page" })).toHaveCount(0);
});

test("the Columns menu hides a column's header and cells, shows Updated on request, and remembers both", async ({
  page,
  db,
}) => {
  const { entity, claims } = await entityWithClaims(db, 3);
  await page.goto(`/claims?entity=${entity.slug}`);
  const rows = claims.length;
  await expect(claimLinks(page)).toHaveCount(rows);
  const cells = (label: string) => page.getByRole("table").locator(`tbody td[data-label="${label}"]`);
  await expect(cells("Sectors")).toHaveCount(rows);
  await expect(cells("Updated")).toHaveCount(0);

  await page.getByRole("button", { name: /^Columns/ }).click();
  const menu = page.getByRole("menu", { name: "Columns to show" });
  await menu.getByRole("menuitemcheckbox", { name: "Sectors" }).click();
  await menu.getByRole("menuitemcheckbox", { name: "Updated" }).click();
  await expect(menu.getByRole("menuitemcheckbox", { name: "Sectors" })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await expect(page.getByRole("columnheader", { name: /^Sectors/ })).toHaveCount(0);
  await expect(cells("Sectors")).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: /^Updated/ })).toBeVisible();
  await expect(cells("Updated")).toHaveCount(rows);

  await page.reload();
  await expect(claimLinks(page).first()).toBeVisible();
  await expect(cells("Sectors")).toHaveCount(0);
  await expect(cells("Updated")).toHaveCount(rows);
  await expect(page.getByRole("button", { name: /^Columns.*1 hidden/ })).toBeVisible();
});

test("on a phone each claim is a card naming its fields, and nothing scrolls sideways", async ({
  page,
  db,
}) => {
  const { entity } = await entityWithClaims(db, 2);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/claims?entity=${entity.slug}`);
  await expect(claimLinks(page).first()).toBeVisible();
  // The column headers give way to a label beside each field, and sorting moves to a menu.
  await expect(page.getByRole("columnheader", { name: "Status" })).toBeHidden();
  await expect(page.getByRole("combobox", { name: /sort/i })).toBeVisible();
  const card = page.getByRole("table").locator("tbody tr").first();
  const fields = await card.getByRole("cell").evaluateAll((cells) =>
    cells.map((cell) => {
      const label = getComputedStyle(cell, "::before").content;
      const box = cell.getBoundingClientRect();
      return { label, right: box.right };
    }),
  );
  expect(fields.map((field) => field.label)).toEqual([
    '"Kind"',
    '"Sectors"',
    '"Entities"',
    '"Status"',
    '"Verdict"',
    '"Sources"',
    '"Section"',
  ]);
  for (const field of fields) expect(field.right).toBeLessThanOrEqual(390);
  // The claim heads its card, above the fields.
  const claimBox = await card.getByRole("rowheader").boundingBox();
  const statusBox = await card.getByRole("cell").nth(3).boundingBox();
  expect(claimBox!.y + claimBox!.height).toBeLessThanOrEqual(statusBox!.y);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
});

test("a search without matches says what to change, and its reset link brings every claim back", async ({
  page,
  db,
}) => {
  await entityWithClaims(db, 1);
  await page.goto("/claims?kind=statistic");
  const search = page.getByRole("searchbox", { name: "Search claims" });
  await search.fill(`zeppelin${uniqueTag()}`);
  await search.press("Enter");

  const empty = page.getByRole("heading", { name: "No claims match" });
  await expect(empty).toBeVisible();
  await expect(page.getByText(/Remove a filter or try another search/)).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);

  await page.getByRole("link", { name: "Reset filters" }).click();
  await expect(page).toHaveURL(/\/claims$/);
  // Every claim, however many the other tests have made by now: the first page of them.
  await expect(summary(page)).toHaveText(/^[\d,]+ claims?\b/);
  const total = Number((await summary(page).textContent())!.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(0);
  await expect(search).toHaveValue("");
  await expect(claimLinks(page)).toHaveCount(Math.min(total, 25));
});

// The kind filter, whose options are the six kinds whatever the data: past a handful of options (the sectors, as
// tests add their own) a menu opens on a box that filters them, and keys go to it instead.
test("a filter menu opens, toggles and closes from the keyboard", async ({ page }) => {
  await page.goto("/claims");
  // The filter's button, not the column header's sort button that is also named Kind.
  const button = page.getByRole("button", { name: /^Kind/ }).and(page.locator("[aria-haspopup=listbox]"));
  await expect(button).toHaveAttribute("aria-expanded", "false");

  // The menus follow the registry's order after the search: sector, entity, then kind.
  await page.getByRole("searchbox", { name: "Search claims" }).focus();
  for (const menu of [/^Sector/, /^Entity/]) {
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: menu }).and(page.locator("[aria-haspopup]"))).toBeFocused();
  }
  await page.keyboard.press("Tab");
  await expect(button).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const listbox = page.getByRole("listbox", { name: "Kind" });
  await expect(listbox).toBeFocused();

  // The first option is highlighted on open; Space ticks it, the arrow moves on, Space ticks the next.
  const options = listbox.getByRole("option");
  await page.keyboard.press("Space");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/[?&]kind=[a-z_]+%2C[a-z_]+(&|$)/i);
  await page.keyboard.press("Space");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "false");
  await expect(page).toHaveURL(/[?&]kind=[a-z_]+(&|$)/i);

  await page.keyboard.press("Escape");
  await expect(listbox).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(activeFilters(page).getByRole("listitem")).toHaveCount(1);
});

test("sorting by a column header is announced on the header and kept in the URL", async ({ page }) => {
  await page.goto("/claims");
  const kind = page.getByRole("columnheader", { name: /^Kind/ });
  await expect(kind).not.toHaveAttribute("aria-sort");
  await kind.getByRole("button").click();
  await expect(page).toHaveURL(/[?&]sort=kind&dir=asc(&|$)/);
  await expect(kind).toHaveAttribute("aria-sort", "ascending");
  // The table is rebuilt for the new order, and focus goes back to the header that was pressed, so pressing
  // again reverses the order.
  await expect(kind.getByRole("button")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]sort=kind&dir=desc(&|$)/);
  await expect(kind).toHaveAttribute("aria-sort", "descending");
});

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

test("the CSV downloaded from a filtered view holds exactly the table's rows", async ({
  page,
  signInAs,
  db,
}) => {
  const sector = await makeSector(db);
  const kinds = ["QUOTE", "STATISTIC", "FORECAST", "EVENT"] as const;
  const { claims } = await makeDocument(db, {
    sections: [
      {
        claims: kinds.map((kind) => ({
          // Commas and quotes: the fields CSV has to quote.
          text: `${kind} figures, "quoted" and plain.`,
          kind,
          sectors: [sector],
        })),
      },
    ],
  });
  await signInAs("ANALYST");
  await page.goto(`/claims?sector=${sector.slug}&size=100&sort=kind&dir=desc`);
  await expect(claimLinks(page)).toHaveCount(claims.length);
  const ids = await claimIds(page);
  const texts = await claimLinks(page).allTextContents();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const csv = await fs.readFile(await download.path(), "utf8");
  const [header, ...records] = parseCsv(csv.replace(/^\uFEFF/, ""));
  const idColumn = header!.indexOf("id");
  const textColumn = header!.indexOf("text");
  expect(idColumn).toBeGreaterThanOrEqual(0);
  expect(records.map((record) => Number(record[idColumn]))).toEqual(ids);
  expect(records.map((record) => record[textColumn])).toEqual(texts);
});
