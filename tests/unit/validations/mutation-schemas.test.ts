// What each mutation's schema refuses, with the message the form shows, and what it makes of what it accepts. The
// action parses once with these and hands the result to the data layer (lib/actions/action.ts); that an action answers
// a refusal with field messages and writes nothing is tested in tests/integration/server-actions.test.ts.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createAnnotationSchema, noteContentSchema } from "@/lib/validations/annotations";
import { updateClaimSchema, updateEntitySchema, updateSourceSchema } from "@/lib/validations/catalog";
import { createSavedViewSchema } from "@/lib/validations/saved-views";
import { createUserSchema, updateUserSchema } from "@/lib/validations/users";

/** The messages a refusal gives, by field. */
function refusal(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fields[String(issue.path[0])] ??= []).push(issue.message);
  return fields;
}

const NOTE = { body: "A note.", verdict: null, evidence: { kind: "none" }, locator: null };

describe("a note", () => {
  it.each([
    ["a NUL character", "before\u0000after", "Note cannot contain control characters."],
    ["an escape sequence", "\u001b[31mred", "Note cannot contain control characters."],
    ["a C1 control", "x\u0085y", "Note cannot contain control characters."],
    ["1 MB of text", "a".repeat(1024 * 1024), "Note must be at most 20,000 characters."],
    ["only whitespace", " \n\t ", "Note is required."],
  ])("refuses %s with a clear message", (_, body, message) => {
    expect(refusal(noteContentSchema, { ...NOTE, body }).body).toContain(message);
  });

  it.each([
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.org/a",
    "example.org",
  ])("refuses %j as a new source's address", (url) => {
    const evidence = { kind: "new", url, title: "T", publisher: "P", sourceKind: "NEWS" };
    expect(refusal(noteContentSchema, { ...NOTE, evidence }).evidence).toEqual([
      expect.stringMatching(/starting with http:\/\/ or https:\/\//),
    ]);
  });

  it("keeps the text as typed, trims the locator (blank is none) and spells an address one way", () => {
    const evidence = {
      kind: "new",
      url: "HTTPS://Reuters.example/a",
      title: "T",
      publisher: "P",
      sourceKind: "NEWS",
    };
    const parsed = createAnnotationSchema.parse({
      ...NOTE,
      claimId: 1,
      body: "  two\r\nlines ",
      evidence,
      locator: "  p. 4 ",
    });
    expect(parsed).toMatchObject({
      body: "  two\r\nlines ",
      locator: "p. 4",
      evidence: { url: "https://reuters.example/a" },
    });
    expect(createAnnotationSchema.parse({ ...NOTE, claimId: 1, locator: "   " }).locator).toBeNull();
  });
});

describe("a claim's classification", () => {
  const form = { id: 1, version: 1, kind: "EVENT", sectors: [], citationMissing: false, asOf: "" };

  it.each(["2025-02-30", "2025-13", "25", "March 2025"])("refuses the date %j", (asOf) => {
    expect(refusal(updateClaimSchema, { ...form, asOf }).asOf).toEqual([
      "Give the date as 2025, 2025-03 or 2025-03-14, or leave it empty.",
    ]);
  });

  it("refuses a kind it does not know", () => {
    expect(refusal(updateClaimSchema, { ...form, kind: "RUMOUR" }).kind).toEqual(["Choose a kind."]);
  });

  it("reads the date with its precision and lists each sector once", () => {
    expect(
      updateClaimSchema.parse({ ...form, asOf: "2025-03", sectors: ["healthcare", "healthcare"] }),
    ).toMatchObject({
      asOf: { date: new Date("2025-03-01T00:00:00Z"), precision: "MONTH" },
      sectors: ["healthcare"],
    });
    expect(updateClaimSchema.parse(form).asOf).toBeNull();
  });
});

describe("an entity and a source", () => {
  const entity = {
    id: 1,
    version: 1,
    name: "Huawei",
    description: "",
    country: "",
    aliases: [],
  };

  it("refuses an empty name and a three-letter country", () => {
    expect(refusal(updateEntitySchema, { ...entity, name: " " }).name).toEqual(["Name is required."]);
    expect(refusal(updateEntitySchema, { ...entity, country: "CHN" }).country).toEqual([
      "Country must be a two-letter code such as CN, or empty.",
    ]);
  });

  it("trims and upper-cases what it keeps, and stores empty fields as none", () => {
    expect(updateEntitySchema.parse({ ...entity, description: "  Shenzhen  ", country: "cn" })).toMatchObject(
      {
        description: "Shenzhen",
        country: "CN",
      },
    );
    expect(updateEntitySchema.parse(entity)).toMatchObject({ description: null, country: null });
  });

  it("refuses a source address that is not a web address", () => {
    const source = {
      id: 1,
      version: 1,
      title: "A source",
      publisher: "",
      url: "javascript:alert(1)",
      kind: "NEWS",
      reliability: null,
      notes: "",
    };
    expect(refusal(updateSourceSchema, source).url).toEqual([
      "Address must start with http:// or https://, or be empty.",
    ]);
  });
});

describe("a saved view", () => {
  it.each(["", "   ", "line\nbreak", "bell\u0007", "x".repeat(81)])("refuses the name %j", (name) => {
    expect(refusal(createSavedViewSchema, { name, query: "", shared: false }).name).toHaveLength(1);
  });

  it("refuses filters too long to be real, and a share flag that is not yes or no", () => {
    expect(
      refusal(createSavedViewSchema, { name: "ok", query: "q=x".repeat(2000), shared: false }).query,
    ).toEqual(["These filters are too long to save."]);
    expect(refusal(createSavedViewSchema, { name: "ok", query: "", shared: "yes" }).shared).toEqual([
      "Say whether the view is shared.",
    ]);
  });

  it("keeps the query as the table's parser reads it back: known keys only, canonical, page 1", () => {
    const query =
      "?sector=hardware-chips,BAD SLUG&kind=statistic&evil=<script>&page=7&q=%20Huawei%00%20&size=50";
    expect(createSavedViewSchema.parse({ name: "Huawei chips", query, shared: false }).query).toBe(
      "q=Huawei&sector=hardware-chips&kind=STATISTIC&size=50",
    );
  });
});

describe("an account", () => {
  it("names every field that is wrong", () => {
    const fields = refusal(createUserSchema, {
      email: "not an email",
      name: "Bad\u0007Name",
      password: "short",
      role: "SUPERUSER",
    });
    expect(Object.keys(fields).sort()).toEqual(["email", "name", "password", "role"]);
  });

  it("stores the email lower-cased and trimmed", () => {
    const account = {
      email: "  New.Person@Example.ORG ",
      name: "New",
      password: "a long enough password",
      role: "VIEWER",
    };
    expect(createUserSchema.parse(account).email).toBe("new.person@example.org");
  });

  it.each(["   ", "Two\nLines", "x".repeat(101)])("refuses the name %j", (name) => {
    expect(refusal(updateUserSchema, { id: 1, version: 1, name }).name).toHaveLength(1);
  });
});
