// Admin edits of claims, entities and sources on the real database: what changes, what never does (a claim's
// text), stale forms, and the audit events. Input arrives as the actions pass it on, parsed by the mutation's schema;
// what the schemas refuse is tested in tests/unit/validations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError, type Actor } from "@/lib/auth/permissions";
import {
  getClaimEdit,
  getEntityEdit,
  getSourceEdit,
  updateClaim,
  updateEntity,
  updateSource,
} from "@/lib/data/catalog";
import { getClaims, resolveClaimsQuery } from "@/lib/data/claims";
import { InvalidStateError, NotFoundError, StaleVersionError } from "@/lib/data/errors";
import { COMMAND_LINE, createUser } from "@/lib/data/users";
import type { Prisma } from "@/lib/prisma-client";
import { updateClaimSchema, updateEntitySchema, updateSourceSchema } from "@/lib/validations/catalog";
import { parseClaimsQuery } from "@/lib/validations/claims";
import { syncCatalog } from "@/lib/ingest/catalog";
import { makeEntity, makeSource } from "@/prisma/factories";
import { freshSeededDatabase } from "@/tests/helpers/seeded-database";

let prisma: Prisma;
let admin: Actor;
let reviewer: Actor;

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  const make = async (role: "ADMIN" | "REVIEWER") => {
    const user = await createUser(prisma, COMMAND_LINE, {
      email: `${role.toLowerCase()}@catalog.test`,
      name: role,
      password: "a password for catalog edits",
      role,
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  };
  admin = await make("ADMIN");
  reviewer = await make("REVIEWER");
});

afterAll(async () => {
  await prisma?.$disconnect();
});

async function someClaimId(offset = 0): Promise<number> {
  const claim = await prisma.claim.findFirstOrThrow({
    orderBy: { id: "asc" },
    skip: offset,
    select: { id: true },
  });
  return claim.id;
}

describe("editing a claim", () => {
  it("changes kind, sectors, lost-citation flag and as-of date, never the text, and audits only what changed", async () => {
    const id = await someClaimId();
    const before = await prisma.claim.findUniqueOrThrow({ where: { id } });
    const form = (await getClaimEdit(prisma, id))!;
    const saved = await updateClaim(
      prisma,
      admin,
      updateClaimSchema.parse({
        id,
        version: form.version,
        kind: before.kind === "FORECAST" ? "EVENT" : "FORECAST",
        sectors: ["healthcare", "hardware-chips", "healthcare"],
        citationMissing: !before.citationMissing,
        asOf: "2025-03",
        // Not part of the form: must be ignored, never written.
        text: "Rewritten by an admin",
      }),
    );
    expect(saved).toMatchObject({
      version: form.version + 1,
      citationMissing: !before.citationMissing,
      asOf: "2025-03",
    });
    expect([...saved.sectors].sort()).toEqual(["hardware-chips", "healthcare"]);
    const after = await prisma.claim.findUniqueOrThrow({ where: { id } });
    expect(after.text).toBe(before.text);
    // The claims table filters on the claim's own sector summary, kept by triggers: the edit shows there at once.
    const { rows } = await getClaims(
      await resolveClaimsQuery(parseClaimsQuery({ sector: "healthcare", size: "100" }), prisma),
      prisma,
    );
    expect(rows.map((row) => row.id)).toContain(id);
    expect(after).toMatchObject({ asOfPrecision: "MONTH", asOfDate: new Date("2025-03-01T00:00:00Z") });

    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "claim.edit", targetId: String(id) },
    });
    expect(event).toMatchObject({ actorId: admin.id, targetType: "claim", claimId: id });
    expect(Object.keys(event.after as object)).toEqual(Object.keys(event.before as object));
    expect(Object.keys(event.after as object)).toEqual(
      expect.arrayContaining(["kind", "citationMissing", "asOf"]),
    );
    expect(event.after).toMatchObject({ citationMissing: !before.citationMissing, asOf: "2025-03" });
    expect(event.before).toMatchObject({ citationMissing: before.citationMissing });
  });

  it("refuses a stale version with the claim unchanged", async () => {
    const id = await someClaimId(1);
    const form = (await getClaimEdit(prisma, id))!;
    await updateClaim(prisma, admin, updateClaimSchema.parse({ ...form, asOf: "2024" }));
    await expect(
      updateClaim(prisma, admin, updateClaimSchema.parse({ ...form, asOf: "2023" })),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect((await getClaimEdit(prisma, id))!).toMatchObject({ asOf: "2024", version: form.version + 1 });
  });

  it("refuses a sector the catalog does not have, changing nothing", async () => {
    const id = await someClaimId(2);
    const form = (await getClaimEdit(prisma, id))!;
    await expect(
      updateClaim(prisma, admin, updateClaimSchema.parse({ ...form, sectors: ["no-such-sector"] })),
    ).rejects.toBeInstanceOf(InvalidStateError);
    expect(await getClaimEdit(prisma, id)).toEqual(form);
    expect(await prisma.auditEvent.count({ where: { action: "claim.edit", targetId: String(id) } })).toBe(0);
  });

  it("is for admins: a reviewer and anonymous are refused", async () => {
    const id = await someClaimId(3);
    const form = (await getClaimEdit(prisma, id))!;
    const quote = updateClaimSchema.parse({ ...form, kind: "QUOTE" });
    await expect(updateClaim(prisma, reviewer, quote)).rejects.toEqual(new AuthorizationError("forbidden"));
    await expect(updateClaim(prisma, null, quote)).rejects.toEqual(new AuthorizationError("signed-out"));
    expect(await getClaimEdit(prisma, id)).toEqual(form);
  });

  it("answers not found for a claim that does not exist", async () => {
    await expect(
      updateClaim(prisma, admin, {
        id: 9_999_999,
        version: 1,
        kind: "EVENT",
        sectors: [],
        citationMissing: false,
        asOf: null,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("editing an entity", () => {
  it("changes name, description, country and aliases (Chinese ones tagged zh), audited", async () => {
    const entity = await prisma.entity.findUniqueOrThrow({
      where: { slug: "huawei" },
      include: { aliases: true },
    });
    const form = (await getEntityEdit(prisma, entity.id))!;
    const keep = form.aliases.filter((alias) => alias !== form.aliases[0]);
    const saved = await updateEntity(
      prisma,
      admin,
      updateEntitySchema.parse({
        id: entity.id,
        version: form.version,
        name: "Huawei Technologies",
        description: "  Shenzhen-based maker of telecoms gear and Ascend AI chips.  ",
        country: "cn",
        aliases: [...keep, "华为技术", "HW"],
      }),
    );
    expect(saved).toMatchObject({
      name: "Huawei Technologies",
      description: "Shenzhen-based maker of telecoms gear and Ascend AI chips.",
      country: "CN",
    });
    expect([...saved.aliases].sort()).toEqual([...keep, "华为技术", "HW"].sort());
    expect(saved.version).toBe(form.version + 1);
    const aliases = await prisma.entityAlias.findMany({
      where: { entityId: entity.id, alias: { in: ["华为技术", "HW"] } },
    });
    expect(Object.fromEntries(aliases.map((row) => [row.alias, row.language]))).toEqual({
      华为技术: "zh",
      HW: "en",
    });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "entity.edit", targetId: String(entity.id) },
    });
    expect(event).toMatchObject({ actorId: admin.id, targetType: "entity" });
    expect(event.before).toMatchObject({ name: entity.name });
    expect(event.after).toMatchObject({ name: "Huawei Technologies" });
    expect(Object.keys(event.after as object)).not.toContain("country");
  });

  it("refuses a save from a form opened before someone else's change, keeping their change", async () => {
    const entity = await prisma.entity.findUniqueOrThrow({ where: { slug: "deepseek" } });
    const form = (await getEntityEdit(prisma, entity.id))!;
    await updateEntity(prisma, admin, { ...form, description: "First admin's words." });
    await expect(
      updateEntity(prisma, admin, { ...form, description: "Second admin's words." }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect((await getEntityEdit(prisma, entity.id))!.description).toBe("First admin's words.");
  });

  it("refuses a version the entity does not have as a stale form, changing nothing", async () => {
    const entity = await prisma.entity.findUniqueOrThrow({ where: { slug: "china" } });
    const form = (await getEntityEdit(prisma, entity.id))!;
    await expect(
      updateEntity(prisma, admin, { ...form, version: form.version + 1, name: "X" }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect(await getEntityEdit(prisma, entity.id)).toEqual(form);
  });
});

describe("an edit form open while the catalog is synced", () => {
  it("is stale once the sync changes its record's fields or adds an alias, and not when nothing changed", async () => {
    const [entity, source] = await Promise.all([makeEntity(prisma), makeSource(prisma)]);
    const listed = {
      slug: entity.slug,
      name: entity.name,
      kind: entity.kind,
      country: entity.country,
      description: "An entity the catalog lists.",
      aliases: [] as [string, string][],
    };
    const listedSource = {
      slug: source.slug,
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      kind: source.kind,
      publishedAt: null,
      notes: source.notes,
      cues: [],
    };
    await syncCatalog(prisma, { sectors: [], entities: [listed], sources: [listedSource] });
    const entityForm = (await getEntityEdit(prisma, entity.id))!;
    const sourceForm = (await getSourceEdit(prisma, source.id))!;

    await syncCatalog(prisma, { sectors: [], entities: [listed], sources: [listedSource] });
    expect((await getEntityEdit(prisma, entity.id))!.version).toBe(entityForm.version);
    expect((await getSourceEdit(prisma, source.id))!.version).toBe(sourceForm.version);

    await syncCatalog(prisma, {
      sectors: [],
      entities: [{ ...listed, aliases: [["HX", "en"]] }],
      sources: [{ ...listedSource, title: `${source.title}, revised` }],
    });
    await expect(
      updateEntity(prisma, admin, { ...entityForm, description: "An admin's words." }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    await expect(
      updateSource(prisma, admin, { ...sourceForm, notes: "An admin's notes." }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect(await getEntityEdit(prisma, entity.id)).toMatchObject({
      description: "An entity the catalog lists.",
      aliases: ["HX"],
    });
  });
});

describe("editing a source", () => {
  it("changes its fields, audited with before and after, and refuses a stale form and other roles", async () => {
    const source = await prisma.source.findFirstOrThrow({ orderBy: { id: "asc" } });
    const form = (await getSourceEdit(prisma, source.id))!;
    const saved = await updateSource(
      prisma,
      admin,
      updateSourceSchema.parse({
        ...form,
        title: "A retitled source",
        publisher: "",
        url: "https://example.org/report",
        kind: "ACADEMIC",
        reliability: "B",
        notes: "Checked against\nthe original.",
      }),
    );
    expect(saved).toMatchObject({
      title: "A retitled source",
      publisher: null,
      url: "https://example.org/report",
      kind: "ACADEMIC",
      reliability: "B",
      notes: "Checked against\nthe original.",
    });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "source.edit", targetId: String(source.id) },
    });
    expect(event.before).toMatchObject({ title: source.title });
    expect(event.after).toMatchObject({ title: "A retitled source", reliability: "B" });

    await expect(updateSource(prisma, admin, { ...form, title: "Stale" })).rejects.toBeInstanceOf(
      StaleVersionError,
    );
    await expect(updateSource(prisma, reviewer, { ...saved, title: "Mine" })).rejects.toEqual(
      new AuthorizationError("forbidden"),
    );
    expect(await getSourceEdit(prisma, source.id)).toEqual(saved);
  });
});
