import crypto, { generateKeyPairSync } from "node:crypto";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");

const { getPrisma } = await import("@/lib/db/client");
const { parseEnv } = await import("@/lib/env");
const { openText } = await import("@/lib/server/crypto/pii");
const evidence = await import("@/lib/server/contracts/evidence");
const { AcceptanceInputError, createSigningKeyring, recordAcceptance, sha256Hex, signingKeyringFromEnv, verifyAcceptance, verifyKeyEntry } = evidence;
type AcceptanceInput = import("@/lib/server/contracts/evidence").AcceptanceInput;
type SigningKeyring = import("@/lib/server/contracts/evidence").SigningKeyring;

/**
 * The evidence of what a buyer accepted, on the suite's real PostgreSQL: recorded and
 * verified, refused changes, changes made behind the database's back (the trigger
 * disabled by the table's owner) found by the signature, and keys rotated.
 */
const db = getPrisma();
const sql = new pg.Client({ connectionString: inject("databaseUrl") });

const ed25519 = () => generateKeyPairSync("ed25519").privateKey;
const keyring2025 = createSigningKeyring({ id: "k2025", privateKey: ed25519() });
const keyring = createSigningKeyring({ id: "k2026", privateKey: ed25519() });

const TERMS = [
  "Conditions générales de vente — version du 1er décembre 2026",
  "Vendeur : Atelier Kyoto, 中京区烏丸通二条下ル 123, 京都市 604-0000, Japon",
  "Art. 12 — Droit de rétractation : 14 jours.",
].join("\n");
const IP = "203.0.113.77";
const USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

function acceptance(orderId: string, overrides: Partial<AcceptanceInput> = {}): AcceptanceInput {
  return {
    orderId,
    termsVersionId: "terms-2026-12-fr",
    text: TERMS,
    locale: "fr",
    jurisdiction: "FR",
    acceptedAt: new Date("2026-12-01T10:15:30.456Z"),
    ip: IP,
    userAgent: USER_AGENT,
    totals: { currency: "EUR", chargedMinor: 15490, dueOnDeliveryMinor: 0 },
    consents: { terms: true, digitalImmediateSupply: null },
    ...overrides,
  };
}

/** The least the schema asks of an order: enough to hang an acceptance on. */
async function newOrder(tx: Pick<typeof db, "order"> = db): Promise<string> {
  const id = `ord_${crypto.randomBytes(12).toString("base64url")}`;
  await tx.order.create({
    data: {
      id,
      number: `CV-TEST-${crypto.randomBytes(4).toString("hex").toUpperCase()}`,
      cartId: `crt_${crypto.randomBytes(12).toString("base64url")}`,
      locale: "fr",
      destination: "FR",
      currency: "EUR",
      emailSealed: "sealed elsewhere",
      quote: {},
      fingerprint: "f",
      pricingDate: "2026-12-01",
      lockedUntil: new Date("2026-12-01T10:45:00Z"),
      goodsMinor: 12900,
      shippingMinor: 2590,
      dutyMinor: 0,
      taxMinor: 0,
      totalMinor: 15490,
      dueOnDeliveryMinor: 0,
      testMode: true,
      accessKeyHash: "h",
    },
  });
  return id;
}

async function recorded(overrides: Partial<AcceptanceInput> = {}, keys: SigningKeyring = keyring): Promise<{ id: string; orderId: string }> {
  const orderId = await newOrder();
  const { id } = await recordAcceptance(db, acceptance(orderId, overrides), { keyring: keys });
  return { id, orderId };
}

/** Changes a row as its owner could: the append-only trigger disabled around one UPDATE, in one transaction. */
async function alterBehindTheTrigger(id: string, set: string, params: unknown[] = []): Promise<void> {
  await sql.query("BEGIN");
  try {
    await sql.query(`ALTER TABLE "ContractAcceptance" DISABLE TRIGGER "ContractAcceptance_append_only"`);
    const changed = await sql.query(`UPDATE "ContractAcceptance" SET ${set} WHERE "id" = $1`, [id, ...params]);
    expect(changed.rowCount).toBe(1);
    await sql.query(`ALTER TABLE "ContractAcceptance" ENABLE TRIGGER "ContractAcceptance_append_only"`);
    await sql.query("COMMIT");
  } catch (error) {
    await sql.query("ROLLBACK");
    throw error;
  }
}

/** The error a statement fails with, run in a transaction that is rolled back whatever happens (the suite's database is shared). */
async function refusal(statement: string, params: unknown[] = []): Promise<string> {
  await sql.query("BEGIN");
  try {
    await sql.query(statement, params);
    return "not refused";
  } catch (error) {
    return (error as Error).message;
  } finally {
    await sql.query("ROLLBACK");
  }
}

beforeAll(async () => {
  await sql.connect();
});

afterAll(async () => {
  await sql.end();
});

describe("recording and verifying an acceptance", () => {
  it("records what the buyer accepted, with the order in one transaction, and verifies it by acceptance id or order id", async () => {
    const { id, orderId } = await db.$transaction(async (tx) => {
      const orderId = await newOrder(tx);
      return { ...(await recordAcceptance(tx, acceptance(orderId), { keyring })), orderId };
    });
    expect(id).toMatch(/^acc_[A-Za-z0-9_-]{16}$/);

    const byId = await verifyAcceptance(db, id, { keyring });
    expect(byId).toEqual({
      ok: true,
      record: {
        id,
        orderId,
        termsVersionId: "terms-2026-12-fr",
        text: TERMS,
        textSha256: crypto.createHash("sha256").update(Buffer.from(TERMS, "utf8")).digest("hex"),
        locale: "fr",
        jurisdiction: "FR",
        acceptedAt: new Date("2026-12-01T10:15:30.456Z"),
        totals: { currency: "EUR", chargedMinor: 15490, dueOnDeliveryMinor: 0 },
        consents: { terms: true, digitalImmediateSupply: null },
        signingKeyId: "k2026",
        ipRecorded: true,
        userAgentRecorded: true,
        redacted: false,
      },
    });
    expect(await verifyAcceptance(db, orderId, { keyring })).toEqual(byId);
  });

  it("records an acceptance without an address or user agent, and a digital-supply consent", async () => {
    const { id } = await recorded({ ip: null, userAgent: null, consents: { terms: true, digitalImmediateSupply: true } });
    const result = await verifyAcceptance(db, id, { keyring });
    expect(result).toMatchObject({ ok: true, record: { ipRecorded: false, userAgentRecorded: false, consents: { terms: true, digitalImmediateSupply: true } } });
  });

  it("says NOT_FOUND for an id that names no acceptance and for an order without one", async () => {
    expect(await verifyAcceptance(db, "acc_nothing_here", { keyring })).toEqual({ ok: false, problems: ["NOT_FOUND"] });
    expect(await verifyAcceptance(db, await newOrder(), { keyring })).toEqual({ ok: false, problems: ["NOT_FOUND"] });
  });

  it("refuses a second acceptance for one order, and input that could not be proved later", async () => {
    const { orderId } = await recorded();
    await expect(recordAcceptance(db, acceptance(orderId), { keyring })).rejects.toThrow();
    const other = await newOrder();
    for (const bad of [
      { consents: { terms: false } },
      { text: "lone surrogate \ud800 here" },
      { text: "NUL \u0000 here" },
      { ip: "unknown" },
      { totals: { currency: "EUR", chargedMinor: 1.5, dueOnDeliveryMinor: 0 } },
      { jurisdiction: "France" },
      { acceptedAt: new Date("not a date") },
    ] satisfies Partial<AcceptanceInput>[]) {
      await expect(recordAcceptance(db, acceptance(other, bad), { keyring }), JSON.stringify(bad)).rejects.toBeInstanceOf(AcceptanceInputError);
    }
    expect(await db.contractAcceptance.count({ where: { orderId: other } })).toBe(0);
  });

  it("keeps no plaintext address or user agent in the row: both sealed under the acceptance's own context", async () => {
    const { id } = await recorded();
    const { rows } = await sql.query(`SELECT row_to_json(a)::text AS row, "ipSealed", "userAgentSealed" FROM "ContractAcceptance" a WHERE "id" = $1`, [id]);
    const row = rows[0] as { row: string; ipSealed: string; userAgentSealed: string };
    for (const plain of [IP, USER_AGENT, "203.0.113", "Mozilla/5.0", "Chrome/131"]) {
      for (const encoded of [plain, Buffer.from(plain).toString("base64"), Buffer.from(plain).toString("base64url"), Buffer.from(plain).toString("hex")]) {
        expect(row.row).not.toContain(encoded.slice(0, Math.min(encoded.length, 12)));
      }
    }
    expect(row.ipSealed).toMatch(/^pii1\./);
    expect(openText(row.ipSealed, `acceptance:${id}:ip`)).toBe(IP);
    expect(openText(row.userAgentSealed, `acceptance:${id}:user-agent`)).toBe(USER_AGENT);
    expect(() => openText(row.ipSealed, `acceptance:${id}:user-agent`)).toThrow(/TAMPERED/);
  });
});

describe("append-only in the database", () => {
  it("refuses UPDATE, DELETE and TRUNCATE in SQL, and deleting the order; the row stays as it was", async () => {
    const { id, orderId } = await recorded();
    expect(await refusal(`UPDATE "ContractAcceptance" SET "text" = 'nothing agreed' WHERE "id" = $1`, [id])).toBe("ContractAcceptance is append-only: UPDATE refused");
    expect(await refusal(`UPDATE "ContractAcceptance" SET "totals" = jsonb_set("totals", '{chargedMinor}', '1')`)).toBe("ContractAcceptance is append-only: UPDATE refused");
    expect(await refusal(`DELETE FROM "ContractAcceptance" WHERE "id" = $1`, [id])).toBe("ContractAcceptance is append-only: DELETE refused");
    expect(await refusal(`TRUNCATE "ContractAcceptance"`)).toBe("ContractAcceptance is append-only: TRUNCATE refused");
    expect(await refusal(`TRUNCATE "Order" CASCADE`)).toBe("ContractAcceptance is append-only: TRUNCATE refused");
    expect(await refusal(`DELETE FROM "Order" WHERE "id" = $1`, [orderId])).toMatch(/violates RESTRICT setting of foreign key constraint "ContractAcceptance_orderId_fkey"/);
    expect(await refusal(`UPDATE "Order" SET "id" = 'ord_renamed' WHERE "id" = $1`, [orderId])).toMatch(/violates RESTRICT setting of foreign key constraint "ContractAcceptance_orderId_fkey"/);
    await expect(db.contractAcceptance.update({ where: { id }, data: { locale: "en" } })).rejects.toThrow();
    await expect(db.contractAcceptance.delete({ where: { id } })).rejects.toThrow();

    const { rows } = await sql.query(`SELECT "text", "locale", "totals" FROM "ContractAcceptance" WHERE "id" = $1`, [id]);
    expect(rows).toEqual([{ text: TERMS, locale: "fr", totals: { currency: "EUR", chargedMinor: 15490, dueOnDeliveryMinor: 0 } }]);
    expect((await verifyAcceptance(db, id, { keyring })).ok).toBe(true);
    const triggers = await sql.query(`SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = '"ContractAcceptance"'::regclass AND NOT tgisinternal ORDER BY tgname`);
    expect(triggers.rows).toEqual([
      { tgname: "ContractAcceptance_append_only", tgenabled: "O" },
      { tgname: "ContractAcceptance_no_truncate", tgenabled: "O" },
    ]);
  });
});

describe("a row changed behind the trigger's back", () => {
  it("changed text: TEXT_HASH_MISMATCH and SIGNATURE_INVALID", async () => {
    const { id } = await recorded();
    await alterBehindTheTrigger(id, `"text" = replace("text", '14 jours', '7 jours')`);
    expect(await verifyAcceptance(db, id, { keyring })).toMatchObject({ ok: false, problems: ["TEXT_HASH_MISMATCH", "SIGNATURE_INVALID"], record: { id } });
  });

  it("changed text with its hash recomputed: SIGNATURE_INVALID", async () => {
    const { id } = await recorded();
    const forged = TERMS.replace("14 jours", "7 jours");
    await alterBehindTheTrigger(id, `"text" = $2, "textSha256" = $3`, [forged, sha256Hex(forged)]);
    expect(await verifyAcceptance(db, id, { keyring })).toMatchObject({ ok: false, problems: ["SIGNATURE_INVALID"] });
  });

  it("changed totals: SIGNATURE_INVALID", async () => {
    const { id } = await recorded();
    await alterBehindTheTrigger(id, `"totals" = jsonb_set("totals", '{chargedMinor}', '14490')`);
    const result = await verifyAcceptance(db, id, { keyring });
    expect(result).toMatchObject({ ok: false, problems: ["SIGNATURE_INVALID"], record: { totals: { chargedMinor: 14490 } } });
  });

  it.each([
    ["consents", `"consents" = jsonb_set("consents", '{digitalImmediateSupply}', 'true')`],
    ["the acceptance time, by one millisecond", `"acceptedAt" = "acceptedAt" + interval '1 millisecond'`],
    ["the terms version", `"termsVersionId" = 'terms-2027-01-fr'`],
    ["the locale", `"locale" = 'en'`],
    ["the jurisdiction", `"jurisdiction" = 'DE'`],
    ["the signature", `"signature" = translate("signature", 'ABCDEFGH', 'BCDEFGHA')`],
    ["the signature, to something not base64", `"signature" = 'not a signature'`],
  ])("changed %s: SIGNATURE_INVALID", async (_name, set) => {
    const { id } = await recorded();
    await alterBehindTheTrigger(id, set);
    expect(await verifyAcceptance(db, id, { keyring })).toMatchObject({ ok: false, problems: ["SIGNATURE_INVALID"] });
  });

  it("an address copied from another acceptance: SIGNATURE_INVALID and SEALED_FIELD_UNREADABLE", async () => {
    const { id } = await recorded();
    const other = await recorded({ ip: "198.51.100.9" });
    await alterBehindTheTrigger(id, `"ipSealed" = (SELECT "ipSealed" FROM "ContractAcceptance" WHERE "id" = $2)`, [other.id]);
    expect(await verifyAcceptance(db, id, { keyring })).toMatchObject({ ok: false, problems: ["SIGNATURE_INVALID", "SEALED_FIELD_UNREADABLE"] });
  });

  it("the record moved to another order: SIGNATURE_INVALID", async () => {
    const { id } = await recorded();
    const otherOrder = await newOrder();
    await alterBehindTheTrigger(id, `"orderId" = $2`, [otherOrder]);
    expect(await verifyAcceptance(db, otherOrder, { keyring })).toMatchObject({ ok: false, problems: ["SIGNATURE_INVALID"] });
  });

  it("names every problem at once", async () => {
    const { id } = await recorded();
    await alterBehindTheTrigger(id, `"text" = "text" || ' ', "userAgentSealed" = 'pii1.x.y.z.w', "totals" = '{"currency":"EUR","chargedMinor":1,"dueOnDeliveryMinor":0}'`);
    expect(await verifyAcceptance(db, id, { keyring })).toMatchObject({ ok: false, problems: ["TEXT_HASH_MISMATCH", "SIGNATURE_INVALID", "SEALED_FIELD_UNREADABLE"] });
  });
});

describe("signing keys rotated", () => {
  const newer = ed25519().export({ format: "der", type: "pkcs8" }).toString("base64");

  it("a record signed with an earlier key verifies while its public key is in CARAVAN_CONTRACT_VERIFY_KEYS, and names UNKNOWN_KEY once it is not", async () => {
    const { id } = await recorded({}, keyring2025);
    const rotated = signingKeyringFromEnv(parseEnv({ CARAVAN_CONTRACT_SIGNING_KEY: newer, CARAVAN_CONTRACT_SIGNING_KEY_ID: "k2027", CARAVAN_CONTRACT_VERIFY_KEYS: verifyKeyEntry(keyring2025) }));
    expect(rotated.current.id).toBe("k2027");
    expect(await verifyAcceptance(db, id, { keyring: rotated })).toMatchObject({ ok: true, record: { signingKeyId: "k2025" } });

    const forgotten = signingKeyringFromEnv(parseEnv({ CARAVAN_CONTRACT_SIGNING_KEY: newer, CARAVAN_CONTRACT_SIGNING_KEY_ID: "k2027" }));
    expect(await verifyAcceptance(db, id, { keyring: forgotten })).toMatchObject({ ok: false, problems: ["UNKNOWN_KEY"], record: { signingKeyId: "k2025" } });

    // New records are signed with the new key; the old one only verifies.
    const fresh = await recorded({}, rotated);
    expect(await verifyAcceptance(db, fresh.id, { keyring: rotated })).toMatchObject({ ok: true, record: { signingKeyId: "k2027" } });
    expect(await verifyAcceptance(db, fresh.id, { keyring: keyring2025 })).toMatchObject({ ok: false, problems: ["UNKNOWN_KEY"] });
  });

  it("another public key under the record's key id does not verify it", async () => {
    const { id } = await recorded({}, keyring2025);
    const impostor = verifyKeyEntry(createSigningKeyring({ id: "k2025", privateKey: ed25519() }));
    const keys = signingKeyringFromEnv(parseEnv({ CARAVAN_CONTRACT_SIGNING_KEY: newer, CARAVAN_CONTRACT_VERIFY_KEYS: impostor }));
    expect(await verifyAcceptance(db, id, { keyring: keys })).toMatchObject({ ok: false, problems: ["SIGNATURE_INVALID"] });
  });

  it("a key id switched to another known key: SIGNATURE_INVALID", async () => {
    const { id } = await recorded({}, keyring2025);
    await alterBehindTheTrigger(id, `"signingKeyId" = 'k2026'`);
    const both = createSigningKeyring({ id: "k2026", privateKey: keyring.current.privateKey }, [{ id: "k2025", publicKey: keyring2025.verifiers.get("k2025")! }]);
    expect(await verifyAcceptance(db, id, { keyring: both })).toMatchObject({ ok: false, problems: ["SIGNATURE_INVALID"] });
  });
});

describe("npm run contracts:verify", () => {
  const run = (args: string[]) => {
    try {
      const out = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/contracts-verify.ts", ...args], {
        env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      return { code: 0, out };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  };

  it("prints OK with the record's facts for an intact acceptance (by order id), exit code 0", async () => {
    // The store's own keys, as the script reads them from this environment.
    const { id, orderId } = await recorded({}, evidence.storeSigningKeyring());
    const result = run([orderId]);
    expect(result.out).toContain(`OK: the acceptance of order ${orderId} is intact`);
    expect(result.out).toContain(id);
    expect(result.out).toContain(`SHA-256 ${sha256Hex(TERMS)}`);
    expect(result.out).toMatch(/accepted at +2026-12-01T10:15:30.456Z/);
    expect(result.out).toContain("EUR: charged 15490, due on delivery 0 (minor units)");
    expect(result.out).toContain("terms: yes, digitalImmediateSupply: not asked");
    expect(result.out).not.toContain(IP);
    expect(result.code).toBe(0);
  }, 60_000);

  it("prints each problem and exits with 1; 1 for an unknown id; 2 for wrong usage", async () => {
    const { id } = await recorded({}, evidence.storeSigningKeyring());
    await alterBehindTheTrigger(id, `"text" = "text" || '.'`);
    const tampered = run([id]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/FAILED: acc_\S+: 2 problems/);
    expect(tampered.out).toMatch(/TEXT_HASH_MISMATCH\s+the stored terms text/);
    expect(tampered.out).toMatch(/SIGNATURE_INVALID\s+the signature does not match/);
    expect(tampered.out).toContain("As stored (not proven):");

    const missing = run(["ord_does_not_exist"]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("NOT_FOUND");
    expect(run([]).code).toBe(2);
    expect(run(["a", "b"]).code).toBe(2);
  }, 60_000);

  it("prints the current public key as a CARAVAN_CONTRACT_VERIFY_KEYS entry", () => {
    const result = run(["--public-key"]);
    expect(result.code).toBe(0);
    expect(result.out.trim()).toBe(verifyKeyEntry(evidence.storeSigningKeyring()));
    expect(parseEnv({ CARAVAN_CONTRACT_VERIFY_KEYS: result.out.trim() }).CARAVAN_CONTRACT_VERIFY_KEYS).toHaveLength(1);
  }, 60_000);
});
