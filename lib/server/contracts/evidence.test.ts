import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateKeyPairSync, sign, verify } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { defaultContractKeyId, parseEnv } from "@/lib/env";
import { createSigningKeyring, developmentSigningKey, DEVELOPMENT_SIGNING_KEY_FILE, sha256Hex, signingKeyringFromEnv, verifyKeyEntry } from "./evidence";

const directories: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-contract-keys-"));
  directories.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of directories.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const der = (key = generateKeyPairSync("ed25519").privateKey) => key.export({ format: "der", type: "pkcs8" }).toString("base64");

describe("the development signing key", () => {
  it("is generated once into <dataDir>/contract-signing-key, mode 0600, and reused", () => {
    const dir = path.join(tempDir(), "nested", ".data");
    const first = developmentSigningKey(dir);
    const file = path.join(dir, DEVELOPMENT_SIGNING_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(first.asymmetricKeyType).toBe("ed25519");
    const again = developmentSigningKey(dir);
    expect(again.export({ format: "der", type: "pkcs8" })).toEqual(first.export({ format: "der", type: "pkcs8" }));
    expect(fs.readdirSync(dir)).toEqual([DEVELOPMENT_SIGNING_KEY_FILE]);
  });

  it("refuses a file that is not an Ed25519 key, and says what removing it costs", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DEVELOPMENT_SIGNING_KEY_FILE), "not a key");
    expect(() => developmentSigningKey(dir)).toThrow(/is not an Ed25519 private key .*CARAVAN_CONTRACT_VERIFY_KEYS/);
  });

  it("signs in development, tests and the demo store; production needs CARAVAN_CONTRACT_SIGNING_KEY", () => {
    const dir = tempDir();
    for (const env of [{}, { NODE_ENV: "test" }, { NODE_ENV: "production", CARAVAN_DEMO: "true" }]) {
      const keyring = signingKeyringFromEnv(parseEnv(env), { dataDir: dir });
      expect(keyring.current.id).toBe(defaultContractKeyId(developmentSigningKey(dir)));
    }
    expect(() => signingKeyringFromEnv({ NODE_ENV: "production", CARAVAN_DEMO: false }, { dataDir: dir })).toThrow(/CARAVAN_CONTRACT_SIGNING_KEY: required in production/);
  });
});

describe("signing keyrings", () => {
  it("signs with the configured key under its id, and verifies with it and every earlier key", () => {
    const current = der();
    const earlier = createSigningKeyring({ id: "k2025", privateKey: generateKeyPairSync("ed25519").privateKey });
    const keyring = signingKeyringFromEnv(parseEnv({ CARAVAN_CONTRACT_SIGNING_KEY: current, CARAVAN_CONTRACT_SIGNING_KEY_ID: "k2026", CARAVAN_CONTRACT_VERIFY_KEYS: verifyKeyEntry(earlier) }));
    expect(keyring.current.id).toBe("k2026");
    expect([...keyring.verifiers.keys()].sort()).toEqual(["k2025", "k2026"]);
    const message = Buffer.from("caravan");
    expect(verify(null, message, keyring.verifiers.get("k2025")!, sign(null, message, earlier.current.privateKey))).toBe(true);
    expect(verify(null, message, keyring.verifiers.get("k2026")!, sign(null, message, keyring.current.privateKey))).toBe(true);
    expect(verify(null, message, keyring.verifiers.get("k2025")!, sign(null, message, keyring.current.privateKey))).toBe(false);
  });

  it("names a key by its public key when no id is configured", () => {
    const privateKey = generateKeyPairSync("ed25519").privateKey;
    expect(createSigningKeyring({ privateKey }).current.id).toBe(defaultContractKeyId(privateKey));
    expect(signingKeyringFromEnv(parseEnv({ CARAVAN_CONTRACT_SIGNING_KEY: der(privateKey) })).current.id).toBe(defaultContractKeyId(privateKey));
  });

  it("refuses a key that is not Ed25519, a bad id, and one id for two keys", () => {
    const ed = generateKeyPairSync("ed25519");
    expect(() => createSigningKeyring({ privateKey: generateKeyPairSync("x25519").privateKey })).toThrow(TypeError);
    expect(() => createSigningKeyring({ privateKey: ed.publicKey })).toThrow(TypeError);
    expect(() => createSigningKeyring({ id: "has.dot", privateKey: ed.privateKey })).toThrow(TypeError);
    const other = generateKeyPairSync("ed25519").publicKey;
    expect(() => createSigningKeyring({ id: "a", privateKey: ed.privateKey }, [{ id: "a", publicKey: other }])).toThrow(/given twice/);
    expect(() => createSigningKeyring({ id: "a", privateKey: ed.privateKey }, [{ id: "b", publicKey: other }, { id: "b", publicKey: other }])).toThrow(/given twice/);
  });

  it("writes the current public key as an entry CARAVAN_CONTRACT_VERIFY_KEYS reads back", () => {
    const keyring = createSigningKeyring({ id: "k2026", privateKey: generateKeyPairSync("ed25519").privateKey });
    const entry = verifyKeyEntry(keyring);
    expect(entry).toMatch(/^k2026:[A-Za-z0-9+/]+=*$/);
    expect(parseEnv({ CARAVAN_CONTRACT_VERIFY_KEYS: entry }).CARAVAN_CONTRACT_VERIFY_KEYS).toEqual([{ id: "k2026", publicKey: entry.slice("k2026:".length) }]);
  });
});

describe("sha256Hex", () => {
  it("hashes the UTF-8 bytes of the text", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("é")).toBe(sha256Hex(Buffer.from([0xc3, 0xa9]).toString("utf8")));
    expect(sha256Hex("é")).not.toBe(sha256Hex("e\u0301"));
  });
});
