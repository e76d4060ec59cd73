import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPiiBox, developmentKey, DEVELOPMENT_KEY_FILE, keyIdOf, keyringFromEnv, PiiError, type Keyring } from "./pii";

// `server-only` refuses to load outside React's server build; these tests are the server.
vi.mock("server-only", () => ({}));

const keyA = { id: "a2025", key: Buffer.alloc(32, 0xa1) };
const keyB = { id: "b2026", key: Buffer.alloc(32, 0xb2) };
const context = "order:ord_123:email";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof PiiError) return error.code;
    throw error;
  }
  return undefined;
}

/** `sealed` with one byte of its `part` (2: IV, 3: ciphertext, 4: tag) changed. */
function flipByte(sealed: string, part: 2 | 3 | 4): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[part]!, "base64url");
  bytes[0] = bytes[0]! ^ 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("sealing and opening", () => {
  const box = createPiiBox({ current: keyA, retired: [] });

  it("round-trips text in any script, and JSON", () => {
    for (const plain of ["", "jane@example.com", "أحمد علي، شارع الشيخ زايد، دبي", "〒154-0023 東京都世田谷区若林1-2-3 山田太郎", "😀\u0000\n"]) {
      expect(box.openText(box.sealText(plain, context), context)).toBe(plain);
    }
    const address = { name: "山田太郎", line1: "世田谷区若林1-2-3", postalCode: "154-0023", phone: "+819012345678" };
    expect(box.openJson<typeof address>(box.sealJson(address, "order:ord_123:address"), "order:ord_123:address")).toEqual(address);
  });

  it("writes pii1.<keyId>.<iv>.<ciphertext>.<tag> in base64url, with a fresh IV each time", () => {
    const first = box.sealText("jane@example.com", context);
    expect(first).toMatch(/^pii1\.a2025\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(box.sealText("jane@example.com", context)).not.toBe(first);
    expect(keyIdOf(first)).toBe("a2025");
  });

  it("never puts the plaintext in the sealed text, in clear or in base64", () => {
    const plain = "jane.doe@example.com";
    const sealed = box.sealText(plain, context);
    for (const encoding of [plain, Buffer.from(plain).toString("base64url"), Buffer.from(plain).toString("base64"), Buffer.from(plain).toString("hex")]) {
      expect(sealed).not.toContain(encoding);
      expect(sealed).not.toContain(encoding.slice(0, 12));
    }
  });

  it("does not open under another context (a value copied to another row or field)", () => {
    const sealed = box.sealText("jane@example.com", context);
    expect(codeOf(() => box.openText(sealed, "order:ord_124:email"))).toBe("TAMPERED");
    expect(codeOf(() => box.openText(sealed, "order:ord_123:phone"))).toBe("TAMPERED");
  });

  it("does not open when one byte of the IV, ciphertext or tag changed", () => {
    const sealed = box.sealText("jane@example.com", context);
    for (const part of [2, 3, 4] as const) expect(codeOf(() => box.openText(flipByte(sealed, part), context)), `part ${part}`).toBe("TAMPERED");
  });

  it("refuses what is not a sealed value", () => {
    const sealed = box.sealText("x", context);
    const [, id, iv, ciphertext, tag] = sealed.split(".");
    for (const bad of ["", "jane@example.com", `pii2.${id}.${iv}.${ciphertext}.${tag}`, `pii1.${id}.${iv}.${ciphertext}`, `pii1.${id}.${iv}.${ciphertext}.${tag}.x`, `pii1.${id}.AAAA.${ciphertext}.${tag}`, `pii1.${id}.${iv}.${ciphertext}.${tag}=`, `pii1.a.b+c.${ciphertext}.${tag}`]) {
      expect(codeOf(() => box.openText(bad, context)), bad).toBe("MALFORMED");
    }
    expect(codeOf(() => keyIdOf("nope"))).toBe("MALFORMED");
  });

  it("names no plaintext in its errors", () => {
    const plain = "secret-phone-+819012345678";
    const sealed = box.sealText(plain, context);
    for (const run of [() => box.openText(sealed, "other"), () => createPiiBox({ current: keyB, retired: [] }).openText(sealed, context), () => box.openText(flipByte(sealed, 3), context)]) {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(PiiError);
        expect(String((error as Error).message)).not.toContain(plain);
        expect(String((error as Error).message)).not.toContain(sealed);
      }
    }
  });

  it("refuses an empty context", () => {
    expect(() => box.sealText("x", "")).toThrow(TypeError);
  });
});

describe("key rotation", () => {
  const before: Keyring = { current: keyA, retired: [] };
  const after: Keyring = { current: keyB, retired: [keyA] };

  it("opens what a retired key sealed", () => {
    const sealed = createPiiBox(before).sealText("jane@example.com", context);
    expect(createPiiBox(after).openText(sealed, context)).toBe("jane@example.com");
  });

  it("fails with UNKNOWN_KEY for a key id it does not hold", () => {
    const sealed = createPiiBox(before).sealText("jane@example.com", context);
    expect(codeOf(() => createPiiBox({ current: keyB, retired: [] }).openText(sealed, context))).toBe("UNKNOWN_KEY");
  });

  it("re-seals under the current key, and says what still needs it", () => {
    const old = createPiiBox(before).sealText("أحمد", context);
    const box = createPiiBox(after);
    expect(box.needsRotation(old)).toBe(true);
    const resealed = box.reseal(old, context);
    expect(keyIdOf(resealed)).toBe("b2026");
    expect(box.needsRotation(resealed)).toBe(false);
    expect(createPiiBox({ current: keyB, retired: [] }).openText(resealed, context)).toBe("أحمد");
    expect(box.reseal(resealed, context)).toBe(resealed);
    expect(codeOf(() => box.reseal(old, "order:ord_999:email"))).toBe("TAMPERED");
  });
});

describe("keys from the environment", () => {
  const directories: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-pii-"));
    directories.push(dir);
    return path.join(dir, ".data");
  };
  afterEach(() => {
    for (const dir of directories.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("uses CARAVAN_ENCRYPTION_KEY under its id, and the retired keys to open", () => {
    const keyring = keyringFromEnv({
      CARAVAN_DEMO: false,
      CARAVAN_ENCRYPTION_KEY: keyB.key.toString("base64"),
      CARAVAN_ENCRYPTION_KEY_ID: "b2026",
      CARAVAN_ENCRYPTION_OLD_KEYS: [{ id: "a2025", key: keyA.key.toString("base64") }],
    });
    expect(keyring.current).toEqual(keyB);
    expect(keyring.retired).toEqual([keyA]);
  });

  it("without a key, creates a development key once (mode 0600) and reuses it", () => {
    const dataDir = tempDir();
    const first = keyringFromEnv({ CARAVAN_DEMO: false }, { dataDir });
    const file = path.join(dataDir, DEVELOPMENT_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(stored).toEqual({ id: first.current.id, key: first.current.key.toString("base64") });
    expect(first.current.key).toHaveLength(32);

    const sealed = createPiiBox(first).sealText("jane@example.com", context);
    const second = keyringFromEnv({ CARAVAN_DEMO: true, NODE_ENV: "production" }, { dataDir });
    expect(second.current).toEqual(first.current);
    expect(createPiiBox(second).openText(sealed, context)).toBe("jane@example.com");
    expect(fs.readdirSync(dataDir)).toEqual([DEVELOPMENT_KEY_FILE]);
  });

  it("refuses a damaged development key file instead of replacing it", () => {
    const dataDir = tempDir();
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, DEVELOPMENT_KEY_FILE), "{}");
    expect(() => developmentKey(dataDir)).toThrow(/is not a development encryption key/);
  });

  it("never makes a development key for a production store", () => {
    const dataDir = tempDir();
    expect(() => keyringFromEnv({ CARAVAN_DEMO: false, NODE_ENV: "production" }, { dataDir })).toThrow(/CARAVAN_ENCRYPTION_KEY: required in production/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
