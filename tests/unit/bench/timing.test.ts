import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoopFailure, fetchWire, readBody } from "@/scripts/bench/timing";

const PAGE = `<!DOCTYPE html><html><body>${"<p>claim</p>".repeat(500)}</body></html>`;
// What Next.js streams when a Suspense boundary fails after the 200 has gone out.
const FAILED_PAGE = `<html><body><script>self.__next_f.push([1,"5:E{\\"digest\\":\\"1234567\\"}"])</script></body></html>`;

let server: http.Server;
let origin: string;
let acceptEncoding: string | undefined;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    acceptEncoding = request.headers["accept-encoding"];
    if (request.url === "/redirect") {
      response.writeHead(307, { location: "/sign-in" }).end();
      return;
    }
    const html = request.url === "/failed" ? FAILED_PAGE : PAGE;
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
    // Two flushed chunks, as a streamed page arrives.
    const gzip = zlib.createGzip();
    gzip.pipe(response);
    gzip.write(html.slice(0, 100));
    gzip.flush(() => gzip.end(html.slice(100)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const timeout = () => AbortSignal.timeout(5_000);

describe("bench page requests", () => {
  it("ask for compression as a browser does and read the page back decoded", async () => {
    const response = await fetchWire(`${origin}/page`, timeout());
    expect(acceptEncoding).toContain("gzip");
    expect(readBody(response).toString("utf8")).toBe(PAGE);
    // Timed as it came off the wire: compressed, far smaller than the page.
    expect(response.wire.length).toBeLessThan(PAGE.length / 10);
  });

  it("refuse a page that streamed a server error after answering 200", async () => {
    const response = await fetchWire(`${origin}/failed`, timeout());
    expect(() => readBody(response)).toThrow(LoopFailure);
    expect(() => readBody(response)).toThrow(/streamed a server error \(digest 1234567\)/);
  });

  it("do not follow a redirect, and say where it went", async () => {
    const response = await fetchWire(`${origin}/redirect`, timeout());
    expect(() => readBody(response)).toThrow(/answered 307 \(to \/sign-in\)/);
  });

  it("fail with the address when nothing answers", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(fetchWire(`http://127.0.0.1:${port}/`, timeout())).rejects.toThrow(
      new RegExp(`GET http://127.0.0.1:${port}/ failed`),
    );
  });
});
