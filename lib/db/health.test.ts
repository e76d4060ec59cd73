import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseReachable } from "./health";

describe("databaseReachable", () => {
  let server: net.Server;
  let url: string;
  beforeAll(async () => {
    server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `postgresql://u:p@127.0.0.1:${(server.address() as net.AddressInfo).port}/db`;
  });
  afterAll(() => {
    server.close();
  });

  it("is true when something listens at the database's address", async () => {
    expect(await databaseReachable(url)).toBe(true);
  });
  it("is false for a refused port, a missing or malformed URL", async () => {
    expect(await databaseReachable("postgresql://u:p@127.0.0.1:9/db")).toBe(false);
    expect(await databaseReachable(undefined)).toBe(false);
    expect(await databaseReachable("not a url")).toBe(false);
  });
  it("remembers the answer for a moment, then asks again", async () => {
    const now = Date.now() + 60_000;
    expect(await databaseReachable(url, now)).toBe(true);
    server.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(await databaseReachable(url, now + 500)).toBe(true);
    expect(await databaseReachable(url, now + 5_000)).toBe(false);
  });
});
