// Every server action asks who is asking before it reads what they sent: someone whose role cannot do a thing learns
// that, not which of their fields would have been wrong.
import { afterAll, describe, expect, it, vi } from "vitest";
import * as annotationActions from "@/lib/actions/annotations";
import * as reviewActions from "@/lib/actions/review";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { EVERY_ACTION } from "@/tests/helpers/actions";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => session.actor }));

afterAll(async () => {
  await getDb().$disconnect();
});

const ACTIONS = EVERY_ACTION;

/** Wrong for every action's schema: no id, no version, a verdict that does not exist. */
const INVALID = { id: "not an id", claimId: -1, verdict: "PROBABLY", body: "" } as never;

const as = (role: Actor["role"]): Actor => ({ id: 999_999, email: "x@actions.test", name: "X", role });

describe("server actions", () => {
  it("find every action module's actions", () => {
    expect(ACTIONS.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "createAnnotation",
        "settleClaimVerdict",
        "updateClaim",
        "createSavedView",
        "createUser",
      ]),
    );
  });

  it.each(ACTIONS)("%s tells someone signed out to sign in, whatever they sent", async (_, action) => {
    session.actor = null;
    expect(await action(INVALID)).toEqual({ ok: false, error: "Sign in to do this." });
  });

  it.each(ACTIONS)(
    "%s tells a viewer their role does not allow it, whatever they sent",
    async (_, action) => {
      session.actor = as("VIEWER");
      expect(await action(INVALID)).toEqual({ ok: false, error: "Your role does not allow this." });
    },
  );

  it("tells an analyst who sends an invalid verdict that their role does not allow it", async () => {
    session.actor = as("ANALYST");
    const refused = { ok: false, error: "Your role does not allow this." };
    expect(
      await reviewActions.settleClaimVerdict({ claimId: 1, version: 1, verdict: "PROBABLY" } as never),
    ).toEqual(refused);
    expect(
      await annotationActions.createAnnotation({ claimId: 1, body: "x", verdict: "PROBABLY" } as never),
    ).toEqual(refused);
  });
});
