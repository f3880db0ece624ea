// What a form shows when the request for a server action fails before the action can answer.
import { describe, expect, it } from "vitest";
import { ACTION_FROM_ANOTHER_SITE_MESSAGE, ACTION_TOO_LARGE_MESSAGE } from "@/lib/actions/limits";
import type { ActionResult } from "@/lib/actions/result";
import { sendAction } from "@/lib/actions/send-action";

const failing = (error: unknown) => () => Promise.reject(error) as Promise<ActionResult<number>>;

describe("sendAction", () => {
  it("hands on the action's own answer, success or failure", async () => {
    expect(await sendAction(async () => ({ ok: true, data: 1 }))).toEqual({ ok: true, data: 1 });
    const unavailable = { ok: false as const, error: "The database is unavailable…", unavailable: true };
    expect(await sendAction(async () => unavailable)).toEqual(unavailable);
  });

  it("says the server could not be reached only when no answer came back", async () => {
    const unreachable = await sendAction(failing(new TypeError("Failed to fetch")));
    expect(unreachable).toEqual({ ok: false, error: expect.stringContaining("could not be reached") });
    const answered = await sendAction(
      failing(new Error("An unexpected response was received from the server.")),
    );
    expect(answered).toEqual({ ok: false, error: expect.stringContaining("could not handle this request") });
  });

  it("shows proxy.ts's refusals as it words them, an oversized request marked as such", async () => {
    expect(await sendAction(failing(new Error(ACTION_TOO_LARGE_MESSAGE)))).toEqual({
      ok: false,
      error: ACTION_TOO_LARGE_MESSAGE,
      tooLarge: true,
    });
    expect(await sendAction(failing(new Error(ACTION_FROM_ANOTHER_SITE_MESSAGE)))).toEqual({
      ok: false,
      error: ACTION_FROM_ANOTHER_SITE_MESSAGE,
    });
  });
});
