import { describe, expect, it } from "vitest";
import { isJsonContentType, readJsonBody } from "./json-body";
import { readBoundedBody } from "./body";

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://shop.test/api", { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);

/** A body that never ends; counts how many chunks were pulled from it. */
function endless(chunkSize: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++;
      controller.enqueue(new Uint8Array(chunkSize).fill(0x20));
    },
  });
  return { stream, state };
}

describe("isJsonContentType", () => {
  it.each(["application/json", "Application/JSON", "application/json; charset=utf-8", "application/json;charset=UTF-8", 'application/json; charset="utf-8"', "application/json; charset=utf8"])(
    "accepts %j",
    (value) => expect(isJsonContentType(value)).toBe(true),
  );
  it.each([null, "", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json5", "application/jsonx", "text/json", "application/json; charset=latin1", "application/vnd.api+json"])(
    "refuses %j",
    (value) => expect(isJsonContentType(value)).toBe(false),
  );
});

describe("readJsonBody", () => {
  it("parses a JSON body within the cap", async () => {
    expect(await readJsonBody(post('{"a":[1,"日本"]}'), 1024)).toEqual({ ok: true, value: { a: [1, "日本"] } });
  });

  it("drops a UTF-8 byte order mark", async () => {
    expect(await readJsonBody(post(new Uint8Array([0xef, 0xbb, 0xbf, 0x31])), 1024)).toEqual({ ok: true, value: 1 });
  });

  it("answers 415 for another media type, before reading the body", async () => {
    expect(await readJsonBody(post("{}", { "content-type": "text/plain" }), 1024)).toEqual({ ok: false, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(await readJsonBody(post("{}", {}), 1024)).toMatchObject({ status: 415 });
  });

  it("answers 413 from Content-Length alone, without reading", async () => {
    const { stream, state } = endless(1024);
    const request = post(stream, { "content-type": "application/json", "content-length": "4096" });
    expect(await readJsonBody(request, 1024)).toEqual({ ok: false, status: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it("answers 413 for a body without Content-Length once it passes the cap, and stops reading", async () => {
    const { stream, state } = endless(1000);
    expect(await readJsonBody(post(stream), 64 * 1024)).toEqual({ ok: false, status: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(state.pulled).toBeLessThan(70);
  });

  it("accepts a body of exactly the cap and refuses one byte more", async () => {
    const exact = `"${"x".repeat(1022)}"`;
    expect((await readJsonBody(post(exact), 1024)).ok).toBe(true);
    expect(await readJsonBody(post(`${exact} `), 1024)).toMatchObject({ status: 413 });
  });

  it.each([
    ["empty", ""],
    ["not JSON", "{nope"],
    ["truncated", '{"a":'],
    ["broken UTF-8", new Uint8Array([0x22, 0xff, 0xfe, 0x22])],
    ["a lone UTF-8 continuation byte", new Uint8Array([0x22, 0x80, 0x22])],
  ])("answers 400 INVALID_JSON for a body that is %s", async (_name, body) => {
    expect(await readJsonBody(post(body), 1024)).toEqual({ ok: false, status: 400, code: "INVALID_JSON" });
  });

  it("parses deeply nested JSON without overflowing the stack (the schema then refuses it)", async () => {
    const deep = "[".repeat(30_000) + "]".repeat(30_000);
    const result = await readJsonBody(post(deep), 64 * 1024);
    expect(result.ok).toBe(true);
  });
});

describe("readBoundedBody", () => {
  it("reads a missing body as empty", async () => {
    expect(await readBoundedBody(new Request("http://shop.test/", { method: "POST" }), 10)).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });

  it("reports a stream that breaks as INVALID_BODY", async () => {
    const stream = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error("reset")) });
    expect(await readBoundedBody(post(stream), 10)).toEqual({ ok: false, code: "INVALID_BODY" });
  });

  it("ignores a malformed Content-Length and relies on the counted bytes", async () => {
    const request = new Request("http://shop.test/", { method: "POST", body: "12345", headers: { "content-length": "nope" } });
    expect(await readBoundedBody(request, 4)).toEqual({ ok: false, code: "PAYLOAD_TOO_LARGE" });
  });
});
