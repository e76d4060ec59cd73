import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isStorageKey, newStorageId, StorageKeyError } from "./keys";
import { LocalStorage } from "./local";

let dir: string;
let root: string;
let storage: LocalStorage;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "caravan-storage-"));
  root = path.join(dir, "root");
  storage = new LocalStorage(root);
  // A file beside the root that no key may reach.
  await writeFile(path.join(dir, "secret.txt"), "outside");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("storage keys", () => {
  it("accepts the keys the store makes", () => {
    expect(isStorageKey(`images/${newStorageId("i")}/original`)).toBe(true);
    expect(isStorageKey(`files/${newStorageId("f")}`)).toBe(true);
    expect(newStorageId("i")).toMatch(/^i[0-9a-f]{32}$/);
    expect(newStorageId("i")).not.toBe(newStorageId("i"));
  });

  it("refuses traversal, absolute paths, backslashes, empty parts and odd characters", () => {
    for (const key of ["../secret.txt", "images/../../secret.txt", "/etc/passwd", "images\\..\\x", "images//x", "images/./x", ".hidden", "a/..", "Images/X", "a b", "a/%2e%2e/b", "", "x".repeat(600), "a/b/c/d/e/f/g/h/i"]) {
      expect(isStorageKey(key), key).toBe(false);
    }
    expect(isStorageKey(null)).toBe(false);
  });
});

describe("LocalStorage", () => {
  it("puts, gets, tells existence and deletes", async () => {
    await storage.put("images/iabc/original", new Uint8Array([1, 2, 3]), "image/png");
    expect(await storage.exists("images/iabc/original")).toBe(true);
    const got = await storage.get("images/iabc/original");
    expect(got).toMatchObject({ size: 3, contentType: "image/png" });
    expect([...got!.bytes]).toEqual([1, 2, 3]);
    await storage.put("images/iabc/original", new Uint8Array([9]), "image/png");
    expect((await storage.get("images/iabc/original"))!.size).toBe(1);
    await storage.delete("images/iabc/original");
    expect(await storage.exists("images/iabc/original")).toBe(false);
    expect(await storage.get("images/iabc/original")).toBeNull();
    await storage.delete("images/iabc/original");
    expect((await readdir(path.join(root, "images", "iabc"))).filter((f) => f.endsWith(".partial"))).toEqual([]);
  });

  it("never reads, writes or deletes outside its directory", async () => {
    await expect(storage.put("../secret.txt", new Uint8Array([0]), "text/plain")).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.put("a/../../secret.txt", new Uint8Array([0]), "text/plain")).rejects.toBeInstanceOf(StorageKeyError);
    expect(await storage.get("../secret.txt")).toBeNull();
    expect(await storage.exists("../secret.txt")).toBe(false);
    await storage.delete("../secret.txt");
    expect(await readdir(dir)).toContain("secret.txt");
  });

  it("keeps its content-type files out of reach of keys", async () => {
    await storage.put("files/fone", new Uint8Array([1]), "application/zip");
    expect(await storage.get("files/fone.type")).toBeNull();
    await expect(storage.put("files/fone.type", new Uint8Array([1]), "text/plain")).rejects.toBeInstanceOf(StorageKeyError);
  });
});
