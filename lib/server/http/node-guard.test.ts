import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installNodeGuard, mergeVary } from "./node-guard";

/** A real HTTP server behind the guard, answering like Next would: with the rewrite header set. */
describe("node guard", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    installNodeGuard(http);
    installNodeGuard(http); // idempotent
    server = http.createServer((request, response) => {
      response.setHeader("x-middleware-rewrite", "/en/us/help");
      response.setHeader("X-Kept", "yes");
      response.setHeader("Vary", "Cookie");
      response.setHeader("Vary", "rsc, Accept-Encoding, cookie");
      response.end(`ok ${request.method}`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function send(method: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method, path: "/en/help" }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("answers TRACE with 405 before the app sees it", async () => {
    const response = await send("TRACE");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toContain("GET");
    expect(response.body).toBe("Method Not Allowed");
  });

  it("lets other methods through and hides the internal rewrite target", async () => {
    const response = await send("GET");
    expect(response.status).toBe(200);
    expect(response.body).toBe("ok GET");
    expect(response.headers["x-middleware-rewrite"]).toBeUndefined();
    expect(response.headers["x-kept"]).toBe("yes");
    expect(response.headers.vary).toBe("Cookie, rsc, Accept-Encoding");
  });
});

describe("mergeVary", () => {
  it("keeps every token once and collapses to * when any layer varies by everything", () => {
    expect(mergeVary(undefined, "Cookie")).toBe("Cookie");
    expect(mergeVary("Cookie", ["rsc", "cookie"])).toBe("Cookie, rsc");
    expect(mergeVary("Cookie", "*")).toBe("*");
    expect(mergeVary(" , ", "")).toBe("");
  });
});
