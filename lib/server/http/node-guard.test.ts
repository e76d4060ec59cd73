import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodablePath, installNodeGuard, mergeVary } from "./node-guard";

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
      response.setHeader("X-Seen-Forwarded-For", String(request.headers["x-forwarded-for"]));
      response.end(`ok ${request.method}`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers 400 to paths Next could not decode, anywhere, and leaves queries alone", async () => {
    for (const path of ["/api/v1/%ZZ", "/_next/static/%", "/api/preferences/market/%E0%A4%A"]) {
      const response = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, path }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
      expect(response, path).toBe(400);
    }
    expect(decodablePath("/en/search?q=%ZZ")).toBe(true);
    expect(decodablePath("/en/%E6%97%A5")).toBe(true);
    expect(decodablePath("/en/%E6%97")).toBe(false);
  });

  function send(method: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method, path: "/en/help", headers }, (res) => {
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

describe("node guard: client address", () => {
  async function seenForwardedFor(): Promise<string> {
    const server = http.createServer((request, response) => response.end(String(request.headers["x-forwarded-for"])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      return await new Promise<string>((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, path: "/", headers: { "x-forwarded-for": "203.0.113.9" } }, (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve(text));
        });
        req.on("error", reject);
        req.end();
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  it("replaces a client-sent X-Forwarded-For with the socket's address", async () => {
    installNodeGuard(http);
    expect(await seenForwardedFor()).toBe("127.0.0.1");
  });

  it("keeps it behind a trusted reverse proxy, which wrote it", async () => {
    installNodeGuard(http);
    process.env.CARAVAN_TRUST_PROXY = "true";
    try {
      expect(await seenForwardedFor()).toBe("203.0.113.9");
    } finally {
      delete process.env.CARAVAN_TRUST_PROXY;
    }
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
