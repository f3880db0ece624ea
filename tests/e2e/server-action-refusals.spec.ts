// What the real server answers server action requests Next.js refuses before running anything: proxy.ts answers 403
// for another site's and 413 for an oversized one (without it, Next.js answers both 500), and lets the app's own
// through, from its host or from NEXTAUTH_URL's; and what the note form shows when its save gets such an answer. The
// unit tests cover the cases one by one (tests/unit/proxy/server-actions.test.ts).
import http from "node:http";
import type { APIRequestContext } from "@playwright/test";
import {
  ACTION_BODY_LIMIT_BYTES,
  ACTION_FROM_ANOTHER_SITE_MESSAGE,
  ACTION_TOO_LARGE_MESSAGE,
} from "@/lib/actions/limits";
import { serverActionId } from "@/scripts/bench/server-actions";
import { withPgClient } from "../helpers/db";
import { expect, test } from "./support/fixtures";

/**
 * The note form's own action, sent signed out: a request that passes every check runs it, and it refuses to write
 * for someone signed out (an answer of 200 with a failed result), so nothing changes.
 */
const createAnnotation = () => serverActionId("lib/actions/annotations.ts", "createAnnotation");

/** The action's arguments as the browser encodes them, padded with note text to `bytes` in all. */
function argumentsOf(bytes: number): string {
  const encode = (body: string) =>
    JSON.stringify([{ claimId: 1, body, verdict: null, evidence: { kind: "none" }, locator: null }]);
  return encode("x".repeat(bytes - Buffer.byteLength(encode(""))));
}

function postAction(request: APIRequestContext, headers: Record<string, string>, body = "[]") {
  return request.post("/claims", {
    headers: { "next-action": createAnnotation(), "content-type": "text/plain;charset=UTF-8", ...headers },
    data: body,
  });
}

test("another site's server action request gets 403 and the message the form shows", async ({ request }) => {
  const response = await postAction(request, { origin: "https://evil.example" });
  expect({
    status: response.status(),
    type: response.headers()["content-type"],
    body: await response.text(),
  }).toEqual({ status: 403, type: "text/plain", body: ACTION_FROM_ANOTHER_SITE_MESSAGE });
});

test("a server action request over the body limit gets 413 and the message the form shows", async ({
  request,
  baseURL,
}) => {
  const response = await postAction(request, { origin: baseURL! }, "x".repeat(ACTION_BODY_LIMIT_BYTES + 1));
  expect({
    status: response.status(),
    type: response.headers()["content-type"],
    body: await response.text(),
  }).toEqual({ status: 413, type: "text/plain", body: ACTION_TOO_LARGE_MESSAGE });
});

/** Posts the note form's action with its body in chunks and no Content-Length, as a streaming client may send it. */
function postChunked(baseURL: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseURL}/claims`,
      {
        method: "POST",
        headers: {
          origin: baseURL,
          "next-action": createAnnotation(),
          "content-type": "text/plain;charset=UTF-8",
          "transfer-encoding": "chunked",
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, text: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    request.on("error", reject);
    for (let at = 0; at < body.length; at += 64 * 1024) request.write(body.slice(at, at + 64 * 1024));
    request.end();
  });
}

test("a body sent in chunks is held to the same limit: 413 past it, the action runs at it", async ({ baseURL }) => {
  expect(await postChunked(baseURL!, "x".repeat(ACTION_BODY_LIMIT_BYTES + 1))).toEqual({
    status: 413,
    text: ACTION_TOO_LARGE_MESSAGE,
  });
  // The proxy read the whole body to count it; the action still gets all of it (it refuses to write, signed out).
  const atLimit = await postChunked(baseURL!, argumentsOf(ACTION_BODY_LIMIT_BYTES));
  expect(atLimit.status).toBe(200);
  expect(atLimit.text).toContain('"ok":false');
});

test("the app's own requests reach Next.js, from its host and from NEXTAUTH_URL's behind a proxy", async ({
  request,
  baseURL,
}) => {
  // The webServer's NEXTAUTH_URL is baseURL; a reverse proxy that passes on neither Host nor X-Forwarded-Host makes
  // the request arrive for another host, and NEXTAUTH_URL's origin is what the browser sends.
  const arrivals: Record<string, string>[] = [
    { origin: baseURL! },
    { origin: baseURL!, host: "claimdesk.internal:3000" },
  ];
  for (const headers of arrivals) {
    const response = await postAction(request, headers, argumentsOf(ACTION_BODY_LIMIT_BYTES));
    expect({ headers, status: response.status() }).toEqual({ headers, status: 200 });
    expect(await response.text()).toContain('"ok":false');
  }
});

test("the note form shows a refused save in the proxy's words, says how long a note may be, and keeps the text", async ({
  page,
  signInAs,
}) => {
  // The form checks a note's length before sending, so no note it sends is over the limit: the refusals this server
  // answers (above) are played back for its save, through Next.js's own client.
  const claimId = await withPgClient(
    async (client) => (await client.query<{ id: number }>(`SELECT min(id) AS id FROM "Claim"`)).rows[0]!.id,
  );
  await signInAs("REVIEWER");
  await page.goto(`/claims/${claimId}`);
  const form = page.getByRole("form", { name: "Add a note" });
  const note = form.getByLabel("Note", { exact: true });
  await note.fill("A note that never reaches the action.");

  for (const [status, answer, shown] of [
    [413, ACTION_TOO_LARGE_MESSAGE, `${ACTION_TOO_LARGE_MESSAGE} A note may be up to 20,000 characters.`],
    [403, ACTION_FROM_ANOTHER_SITE_MESSAGE, ACTION_FROM_ANOTHER_SITE_MESSAGE],
  ] as const) {
    await page.route(`**/claims/${claimId}`, (route) =>
      route.request().method() === "POST"
        ? route.fulfill({ status, contentType: "text/plain", body: answer })
        : route.fallback(),
    );
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(form.getByRole("alert")).toHaveText(shown);
    await expect(note).toHaveValue("A note that never reaches the action.");
    await page.unrouteAll();
  }
});
