import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "@/lib/domain/clock";
import { MAX_ADDRESSES } from "@/lib/domain/account";
import type { Viewer } from "@/lib/domain/accounts";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { PRODUCTS } from "@/prisma/seed-data";
import { stockedProduct, variantId, type SeedProduct } from "./checkout-support";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.STRIPE_SANDBOX_URL = inject("stripeSandboxUrl");
process.env.CARAVAN_OUTBOX_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));

const cart = await import("@/lib/server/cart");
const checkout = await import("@/lib/server/checkout");
const { handleCheckoutPost } = await import("@/lib/server/checkout/http");
const { handleCartPost } = await import("@/lib/server/cart/http");
const { joinCartsOnSignIn, usableCartId } = await import("@/lib/server/cart/owner");
const orders = await import("@/lib/server/account/orders");
const addresses = await import("@/lib/server/account/addresses");
const sessions = await import("@/lib/server/account/sessions");
const { handleAddressPost, openAddressDraft, ADDRESS_FORM_COOKIE } = await import("@/lib/server/account/http");
const { subjectKeys } = await import("@/lib/server/crypto/subjects");
const { accessKeyMatches } = await import("@/lib/server/checkout/access");
const { hashPassword } = await import("@/lib/server/auth/passwords");
const { ensureSellerAccounts } = await import("@/lib/server/payments/sellers");
const signInRoute = await import("@/app/api/account/sign-in/route");
const { getPrisma } = await import("@/lib/db/client");

/**
 * The buyer's account on the shared seeded database: orders linked to and scoped by
 * the account, the sealed address book checked per country, the carts joined on sign-in
 * (through the real sign-in form), and the account's sessions. Every test makes its own
 * accounts and carts.
 */
const db = getPrisma();
const clock = () => fixedClock(new Date());
const JP = findMarket("JP") as MarketDefinition;
const PASSWORD = "correct horse battery";
const german = stockedProduct("DE");
const japanese = stockedProduct("JP");
const JP_ADDRESS = { name: "山田 花子", line1: "中京区烏丸通二条下ル 123", city: "京都市", region: "26", postalCode: "6040000", phone: "090-1234-5678" };
const US_ADDRESS = { name: "Ada Lovelace", line1: "1600 Amphitheatre Parkway", city: "Mountain View", region: "CA", postalCode: "94043", phone: "+1 650 253 0000" };

let client = 0;
const freshIp = () => `203.0.113.${(++client % 250) + 1}`;

/** A verified buyer with a password, made directly in the database. */
async function buyer(name: string): Promise<Viewer & { password: string }> {
  const id = `usr_test_${name}_${crypto.randomBytes(4).toString("hex")}`;
  const email = `${id}@example.com`;
  await db.user.create({ data: { id, email, name, emailVerified: true, role: "BUYER" } });
  await db.account.create({ data: { id: `acc_${id}`, accountId: id, providerId: "credential", userId: id, password: await hashPassword(PASSWORD) } });
  return { userId: id, email, role: "BUYER", seller: null, password: PASSWORD };
}

/** Signs in through the sign-in form, with the browser's cookies; answers the response. */
function signIn(who: { email: string }, cookie?: string) {
  const headers: Record<string, string> = { host: "shop.test", origin: "http://shop.test", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": freshIp() };
  if (cookie) headers.cookie = cookie;
  return signInRoute.POST(new Request("http://shop.test/api/account/sign-in", { method: "POST", headers, body: new URLSearchParams({ email: who.email, password: PASSWORD, locale: "en" }).toString() }));
}

const setCookie = (response: Response, name: string) => response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(";")[0];

async function sessionOf(who: { email: string }): Promise<string> {
  const response = await signIn(who);
  expect(response.status).toBe(303);
  return setCookie(response, "caravan.session_token")!;
}

async function cartWith(items: [SeedProduct, number][], cartId?: string): Promise<string> {
  let id = cartId;
  for (const [product, quantity] of items) {
    const added = await cart.addToCart(id, { variantId: variantId(product), quantity: String(quantity) }, JP, clock());
    if (!added.ok) throw new Error(added.code);
    id = added.cartId;
  }
  return id!;
}

const linesOf = async (cartId: string) => Object.fromEntries((await db.cartLine.findMany({ where: { cartId } })).map((l) => [l.variantId, l.quantity]));

/** An order row as checkout leaves it, for paging and scoping (amounts in JPY, no parcels). */
async function orderRow(userId: string | null, createdAt: Date, totalMinor = 1000) {
  const id = `ord_${crypto.randomBytes(12).toString("base64url").slice(0, 16)}`;
  await db.order.create({
    data: {
      id, number: `CV-T${crypto.randomBytes(5).toString("hex").toUpperCase()}`, cartId: "c".repeat(24), locale: "en", destination: "JP", currency: "JPY",
      emailSealed: "x", quote: {}, fingerprint: "f", pricingDate: "2026-12-01", lockedUntil: createdAt, goodsMinor: totalMinor, shippingMinor: 0, dutyMinor: 0, taxMinor: 0,
      totalMinor, dueOnDeliveryMinor: 0, testMode: true, accessKeyHash: "0".repeat(64), userId, createdAt,
    },
  });
  return id;
}

beforeAll(async () => {
  const report = await ensureSellerAccounts(db, "http://127.0.0.1:3000");
  expect(report.failed).toBe(0);
});

describe("orders in the account", () => {
  const post = (cartId: string, fields: Record<string, string>, session?: string) =>
    handleCheckoutPost(
      new Request("http://localhost:3000/api/checkout", {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000", host: "localhost:3000", cookie: [`caravan_cart=${cartId}`, "caravan_market=JP", ...(session ? [session] : [])].join("; "), "x-forwarded-for": freshIp() },
      }),
      clock(),
    );

  async function pay(session?: string): Promise<string> {
    const id = await cartWith([[german, 1]]);
    expect(await post(id, { intent: "update", locale: "en", country: "JP", email: "hanako@example.jp", ...JP_ADDRESS }, session)).toMatchObject({ kind: "redirect", error: null });
    const view = (await checkout.loadCheckout(id, "en", JP, clock()))!;
    const result = await post(id, { intent: "pay", locale: "en", country: "JP", email: "hanako@example.jp", ...JP_ADDRESS, quote: view.lock!.token, accept: "yes", terms: view.contract!.sha256, sellers: german.sellerId, [`delivery_${german.sellerId}`]: "STANDARD" }, session);
    expect(result).toMatchObject({ kind: "redirect", error: null });
    return (await db.order.findFirstOrThrow({ where: { cartId: id }, select: { id: true } })).id;
  }

  it("links an order placed while signed in to the account, lists it and opens it; a guest's order stays unlinked", async () => {
    const ada = await buyer("ada");
    const bob = await buyer("bob");
    const mine = await pay(await sessionOf(ada));
    const guest = await pay();
    expect((await db.order.findUniqueOrThrow({ where: { id: mine } })).userId).toBe(ada.userId);
    expect((await db.order.findUniqueOrThrow({ where: { id: guest } })).userId).toBeNull();

    const listed = await orders.listAccountOrders(ada, undefined);
    expect(listed.data.orders.map((o) => o.id)).toEqual([mine]);
    const row = listed.data.orders[0]!;
    const stored = await db.order.findUniqueOrThrow({ where: { id: mine }, include: { subOrders: true } });
    expect(row).toMatchObject({ number: stored.number, status: stored.status, total: { amountMinor: stored.totalMinor, currency: "JPY" }, parcels: stored.subOrders.length });
    expect(row.parcels).toBe(1);

    const opened = await orders.loadAccountOrder(ada, mine);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.data.order).toMatchObject({ id: mine, number: stored.number, currency: "JPY" });
    expect(opened.data.order.parcels).toHaveLength(1);
    expect(opened.data.order.contract).not.toBeNull();
    expect(accessKeyMatches(opened.data.accessKey, stored.accessKeyHash)).toBe(true);

    // Another buyer's order, a guest's order and no order at all: the same NOT_FOUND.
    expect(await orders.loadAccountOrder(bob, mine)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await orders.loadAccountOrder(ada, guest)).toEqual({ ok: false, code: "NOT_FOUND" });
    for (const bad of ["ord_doesnotexist0000", "nope", "' OR 1=1 --", 42, undefined]) expect(await orders.loadAccountOrder(ada, bad)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await orders.listAccountOrders(bob, undefined)).data.orders).toEqual([]);
  });

  it("lists the buyer's orders newest first, a page at a time", async () => {
    const cy = await buyer("cy");
    const other = await buyer("other");
    const base = Date.UTC(2026, 10, 1);
    const ids: string[] = [];
    for (let i = 0; i < orders.ORDERS_PER_PAGE + 5; i++) ids.push(await orderRow(cy.userId, new Date(base + i * 3_600_000), 1000 + i));
    await orderRow(other.userId, new Date(base + 99 * 3_600_000));
    const newestFirst = [...ids].reverse();

    const first = await orders.listAccountOrders(cy, undefined);
    expect(first.data).toMatchObject({ page: 1, pages: 2, total: orders.ORDERS_PER_PAGE + 5 });
    expect(first.data.orders.map((o) => o.id)).toEqual(newestFirst.slice(0, orders.ORDERS_PER_PAGE));
    const second = await orders.listAccountOrders(cy, "2");
    expect(second.data.orders.map((o) => o.id)).toEqual(newestFirst.slice(orders.ORDERS_PER_PAGE));
    expect((await orders.listAccountOrders(cy, "99")).data.page).toBe(2);
    expect((await orders.listAccountOrders(cy, "-3")).data.page).toBe(1);
    expect(second.data.orders.every((o) => o.parcels === 0 && o.total.currency === "JPY")).toBe(true);
  });
});

describe("the address book", () => {
  it("saves an address checked in its country's format, sealed to its row: the row holds no plaintext", async () => {
    const ada = await buyer("addr");
    const saved = await addresses.saveAddress(ada, { country: "JP", fields: JP_ADDRESS });
    expect(saved).toMatchObject({ ok: true });
    if (!saved.ok) return;
    const row = await db.buyerAddress.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({ userId: ada.userId, country: "JP", isDefault: true });
    for (const plain of ["山田", "花子", "烏丸", "京都", "6040000", "604-0000", "1234", "5678", "+8190"]) expect(row.sealed).not.toContain(plain);
    // Sealed under the buyer's own key (pii2), not the master key.
    const owner = await db.user.findUniqueOrThrow({ where: { id: ada.userId }, select: { subjectId: true } });
    expect(row.sealed.startsWith(`pii2.${owner.subjectId}.`)).toBe(true);
    expect(await subjectKeys().openJson<Record<string, string>>(db, row.sealed, addresses.addressContext(row.id))).toMatchObject({ name: "山田 花子", postalCode: "604-0000", phone: "+819012345678", region: "26" });
    // Copied to another row, the sealed value does not open.
    await expect(subjectKeys().openJson(db, row.sealed, addresses.addressContext("adr_someoneelses0000"))).rejects.toThrow();

    const listed = await addresses.listAddresses(ada);
    expect(listed.data).toHaveLength(1);
    expect(listed.data[0]).toMatchObject({ id: saved.id, country: "JP", isDefault: true, values: { name: "山田 花子", postalCode: "604-0000" } });
    expect(listed.data[0]!.lines.join("\n")).toContain("〒604-0000");
  });

  it("refuses what the country's format refuses, with each field's error, and saves nothing", async () => {
    const ada = await buyer("invalid");
    const cases: [string, Record<string, string>, { field: string; code: string }[]][] = [
      ["US", { ...US_ADDRESS, region: "", postalCode: "" }, [{ field: "region", code: "REQUIRED" }, { field: "postalCode", code: "REQUIRED" }]],
      ["US", { ...US_ADDRESS, postalCode: "ABCDE" }, [{ field: "postalCode", code: "INVALID_POSTAL_CODE" }]],
      ["GB", { name: "Ada", line1: "10 Downing Street", city: "London", postalCode: "12345", phone: "+44 20 7925 0918" }, [{ field: "postalCode", code: "INVALID_POSTAL_CODE" }]],
      ["JP", { ...JP_ADDRESS, phone: "12" }, [{ field: "phone", code: expect.any(String) as unknown as string }]],
      ["DE", { name: "", line1: "", city: "Berlin", postalCode: "10115", phone: "+49 30 1234567" }, [{ field: "name", code: "REQUIRED" }, { field: "line1", code: "REQUIRED" }]],
    ];
    for (const [country, fields, errors] of cases) {
      const refused = await addresses.saveAddress(ada, { country, fields });
      expect(refused, `${country} ${JSON.stringify(fields)}`).toMatchObject({ ok: false, code: "INVALID_ADDRESS" });
      if (!refused.ok && refused.code === "INVALID_ADDRESS") expect(refused.errors).toEqual(errors);
    }
    expect(await addresses.saveAddress(ada, { country: "ZZ", fields: US_ADDRESS })).toEqual({ ok: false, code: "UNSUPPORTED_COUNTRY" });
    expect(await addresses.saveAddress(ada, { country: 7, fields: US_ADDRESS })).toEqual({ ok: false, code: "UNSUPPORTED_COUNTRY" });
    expect(await db.buyerAddress.count({ where: { userId: ada.userId } })).toBe(0);
    // The same US address, complete, is taken.
    expect(await addresses.saveAddress(ada, { country: "us", fields: US_ADDRESS })).toMatchObject({ ok: true });
  });

  it("keeps exactly one default: the first address, one made default, the newest left when the default goes", async () => {
    const ada = await buyer("defaults");
    const first = await addresses.saveAddress(ada, { country: "JP", fields: JP_ADDRESS });
    const second = await addresses.saveAddress(ada, { country: "US", fields: US_ADDRESS });
    const third = await addresses.saveAddress(ada, { country: "US", fields: { ...US_ADDRESS, name: "Grace Hopper" }, makeDefault: true });
    if (!first.ok || !second.ok || !third.ok) throw new Error("not saved");
    const defaults = async () => (await db.buyerAddress.findMany({ where: { userId: ada.userId, isDefault: true } })).map((a) => a.id);
    expect(await defaults()).toEqual([third.id]);
    expect(await addresses.setDefaultAddress(ada, first.id)).toEqual({ ok: true, id: first.id });
    expect(await defaults()).toEqual([first.id]);
    expect(await addresses.deleteAddress(ada, first.id)).toEqual({ ok: true, id: first.id });
    expect(await defaults()).toEqual([third.id]);

    // Editing replaces the fields, in the new country's format, and keeps the row.
    const edited = await addresses.saveAddress(ada, { id: second.id, country: "JP", fields: { ...JP_ADDRESS, name: "佐藤 一郎" } });
    expect(edited).toEqual({ ok: true, id: second.id });
    const loaded = await addresses.loadAddress(ada, second.id);
    expect(loaded).toMatchObject({ ok: true, data: { country: "JP", isDefault: false, values: { name: "佐藤 一郎" } } });
    expect(await defaults()).toEqual([third.id]);
  });

  it("gives NOT_FOUND for another buyer's address and changes nothing", async () => {
    const ada = await buyer("owner");
    const eve = await buyer("eve");
    const saved = await addresses.saveAddress(ada, { country: "JP", fields: JP_ADDRESS });
    if (!saved.ok) throw new Error("not saved");
    const before = await db.buyerAddress.findUniqueOrThrow({ where: { id: saved.id } });
    expect(await addresses.loadAddress(eve, saved.id)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await addresses.saveAddress(eve, { id: saved.id, country: "US", fields: US_ADDRESS })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await addresses.setDefaultAddress(eve, saved.id)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await addresses.deleteAddress(eve, saved.id)).toEqual({ ok: false, code: "NOT_FOUND" });
    for (const bad of ["adr_doesnotexist0000", "nope", 3, null]) expect(await addresses.deleteAddress(ada, bad)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await db.buyerAddress.findUniqueOrThrow({ where: { id: saved.id } })).toEqual(before);
    expect(await db.buyerAddress.count({ where: { userId: eve.userId } })).toBe(0);
    expect((await addresses.listAddresses(eve)).data).toEqual([]);
  });

  it(`holds at most ${MAX_ADDRESSES} addresses`, async () => {
    const ada = await buyer("limit");
    for (let i = 0; i < MAX_ADDRESSES; i++) expect(await addresses.saveAddress(ada, { country: "US", fields: { ...US_ADDRESS, line2: `Apt ${i}` } })).toMatchObject({ ok: true });
    expect(await addresses.saveAddress(ada, { country: "US", fields: US_ADDRESS })).toEqual({ ok: false, code: "ADDRESS_LIMIT" });
    expect(await db.buyerAddress.count({ where: { userId: ada.userId } })).toBe(MAX_ADDRESSES);
  });

  it("pre-fills checkout with the default address and the account's email until the buyer types their own", async () => {
    const ada = await buyer("prefill");
    expect(await addresses.checkoutPrefill(null)).toBeNull();
    expect(await addresses.checkoutPrefill(ada)).toEqual({ country: null, values: { email: ada.email } });
    await addresses.saveAddress(ada, { country: "US", fields: US_ADDRESS });
    const prefill = (await addresses.checkoutPrefill(ada))!;
    expect(prefill).toMatchObject({ country: "US", values: { email: ada.email, name: "Ada Lovelace", postalCode: "94043", region: "CA" } });

    const id = await cartWith([[german, 1]]);
    const view = (await checkout.loadCheckout(id, "en", JP, clock(), db, prefill))!;
    expect(view.market.country).toBe("US");
    expect(view.values).toMatchObject({ name: "Ada Lovelace", email: ada.email });
    // Once the buyer has posted the form, what they typed wins.
    await checkout.saveCheckoutForm(id, { country: "JP", fields: { email: "other@example.jp", ...JP_ADDRESS }, delivery: {} });
    const typed = (await checkout.loadCheckout(id, "en", JP, clock(), db, prefill))!;
    expect(typed.market.country).toBe("JP");
    expect(typed.values).toMatchObject({ name: "山田 花子", email: "other@example.jp" });
  });

  it("sends a refused form back with what was typed in a sealed cookie, not in the URL", async () => {
    const ada = await buyer("form");
    const session = await sessionOf(ada);
    const response = await handleAddressPost(
      new Request("http://shop.test/api/account/addresses", {
        method: "POST",
        headers: { host: "shop.test", origin: "http://shop.test", "content-type": "application/x-www-form-urlencoded", cookie: session, "x-forwarded-for": freshIp() },
        body: new URLSearchParams({ action: "save", locale: "en", returnTo: "/en/account/addresses?country=US", country: "US", ...US_ADDRESS, postalCode: "nope" }).toString(),
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/en/account/addresses?country=US&error=INVALID_ADDRESS");
    const kept = setCookie(response, ADDRESS_FORM_COOKIE)!;
    expect(kept).not.toContain("Lovelace");
    const draft = openAddressDraft(ada.userId, kept.slice(ADDRESS_FORM_COOKIE.length + 1));
    expect(draft).toMatchObject({ country: "US", values: { name: "Ada Lovelace", postalCode: "nope" }, errors: [{ field: "postalCode", code: "INVALID_POSTAL_CODE" }] });
    // Another account cannot open it.
    expect(openAddressDraft("usr_someone_else", kept.slice(ADDRESS_FORM_COOKIE.length + 1))).toBeNull();
    expect(await db.buyerAddress.count({ where: { userId: ada.userId } })).toBe(0);
  });
});

describe("carts on sign-in", () => {
  it("claims the browser's cart when the account has none", async () => {
    const ada = await buyer("claim");
    const anonymous = await cartWith([[german, 2]]);
    const response = await signIn(ada, `caravan_cart=${anonymous}`);
    expect(response.status).toBe(303);
    expect(setCookie(response, "caravan_cart")).toBe(`caravan_cart=${anonymous}`);
    expect(response.headers.getSetCookie().find((c) => c.startsWith("caravan_cart="))).toMatch(/HttpOnly/i);
    expect((await db.cart.findUniqueOrThrow({ where: { id: anonymous } })).ownerId).toBe(ada.userId);
    expect(await linesOf(anonymous)).toEqual({ [variantId(german)]: 2 });
  });

  it("merges the browser's cart into the account's: quantities added, capped by stock, the newer seen price kept, the browser's cart deleted", async () => {
    const ada = await buyer("merge");
    const owned = await cartWith([[german, 2], [japanese, 1]]);
    await db.cart.update({ where: { id: owned }, data: { ownerId: ada.userId } });
    // What the buyer saw on the account's line is older and different.
    await db.cartLine.updateMany({ where: { cartId: owned, variantId: variantId(german) }, data: { seenPriceMinor: 1, createdAt: new Date(Date.now() - 86_400_000) } });
    const scarce = PRODUCTS.find((p) => p.kind === "PHYSICAL" && p.variants[0]!.stock >= 3 && p.variants[0]!.stock <= 30 && p.id !== german.id && p.id !== japanese.id)!;
    const stock = scarce.variants[0]!.stock;
    await cartWith([[scarce, stock - 1]], owned);
    const anonymous = await cartWith([[german, 3], [scarce, 2]]);
    const anonymousSeen = (await db.cartLine.findFirstOrThrow({ where: { cartId: anonymous, variantId: variantId(german) } })).seenPriceMinor;

    const response = await signIn(ada, `caravan_cart=${anonymous}`);
    expect(setCookie(response, "caravan_cart")).toBe(`caravan_cart=${owned}`);
    expect(await db.cart.findUnique({ where: { id: anonymous } })).toBeNull();
    const merged = await linesOf(owned);
    expect(merged[variantId(german)]).toBe(5);
    expect(merged[variantId(japanese)]).toBe(1);
    expect(merged[variantId(scarce)]).toBe(stock);
    const germanLine = await db.cartLine.findFirstOrThrow({ where: { cartId: owned, variantId: variantId(german) } });
    expect(germanLine.seenPriceMinor).toBe(anonymousSeen);
  });

  it("points a browser without a cart at the account's cart, and leaves a cart another account owns alone", async () => {
    const ada = await buyer("point");
    const eve = await buyer("eve2");
    const owned = await cartWith([[german, 1]]);
    await db.cart.update({ where: { id: owned }, data: { ownerId: ada.userId } });
    const bare = await signIn(ada);
    expect(setCookie(bare, "caravan_cart")).toBe(`caravan_cart=${owned}`);

    const eves = await cartWith([[japanese, 1]]);
    await db.cart.update({ where: { id: eves }, data: { ownerId: eve.userId } });
    const joined = await joinCartsOnSignIn(eves, ada.userId, clock());
    expect(joined).toEqual({ kind: "USE_OWNED", cartId: owned });
    expect(await db.cart.findUniqueOrThrow({ where: { id: eves } })).toMatchObject({ ownerId: eve.userId });
    expect(await linesOf(eves)).toEqual({ [variantId(japanese)]: 1 });
    expect(await linesOf(owned)).toEqual({ [variantId(german)]: 1 });

    // Signing in again with the account's own cart keeps it as it is.
    expect(await joinCartsOnSignIn(owned, ada.userId, clock())).toEqual({ kind: "KEPT", cartId: owned });
    // No cart on either side: nothing to point at.
    const cy = await buyer("nocart");
    expect(await joinCartsOnSignIn(undefined, cy.userId, clock())).toEqual({ kind: "NONE", cartId: null });
    expect(setCookie(await signIn(cy), "caravan_cart")).toBeUndefined();
  });

  it("uses an account's cart only with that account's session", async () => {
    const ada = await buyer("guard");
    const eve = await buyer("thief");
    const owned = await cartWith([[german, 1]]);
    await db.cart.update({ where: { id: owned }, data: { ownerId: ada.userId } });
    const adaSession = await sessionOf(ada);
    const eveSession = await sessionOf(eve);
    const headers = (cookie: string) => new Headers({ cookie, host: "shop.test" });
    expect(await usableCartId(owned, headers(adaSession))).toBe(owned);
    expect(await usableCartId(owned, headers(eveSession))).toBeUndefined();
    expect(await usableCartId(owned, headers(""))).toBeUndefined();
    const anonymous = await cartWith([[german, 1]]);
    expect(await usableCartId(anonymous, headers(""))).toBe(anonymous);

    // Adding to the cart with the cookie but without the session makes a new cart; the account's is untouched.
    const added = await handleCartPost(
      new Request("http://shop.test/api/cart", {
        method: "POST",
        headers: { host: "shop.test", origin: "http://shop.test", "content-type": "application/x-www-form-urlencoded", cookie: `caravan_cart=${owned}; caravan_market=JP`, "x-forwarded-for": freshIp() },
        body: new URLSearchParams({ action: "add", variantId: variantId(german), quantity: "4", locale: "en" }).toString(),
      }),
      clock(),
    );
    expect(added).toMatchObject({ kind: "done", error: null, count: 4 });
    if (added.kind !== "done") return;
    expect(added.cartId).not.toBe(owned);
    expect(await linesOf(owned)).toEqual({ [variantId(german)]: 1 });
  });
});

describe("sessions", () => {
  it("lists the account's live sessions, marks this one, and revokes only the account's own", async () => {
    const ada = await buyer("sessions");
    const eve = await buyer("sessions_eve");
    const here = await sessionOf(ada);
    await sessionOf(ada);
    const eves = await sessionOf(eve);
    const currentId = await sessions.currentSessionId(new Headers({ cookie: here }));
    expect(currentId).not.toBeNull();
    const listed = await sessions.listSessions(ada, currentId, clock());
    expect(listed.data).toHaveLength(2);
    expect(listed.data.filter((s) => s.current).map((s) => s.id)).toEqual([currentId]);

    const eveId = (await sessions.currentSessionId(new Headers({ cookie: eves })))!;
    expect(await sessions.revokeSession(ada, eveId)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await db.session.count({ where: { id: eveId } })).toBe(1);
    for (const bad of ["nope'--", "", 5]) expect(await sessions.revokeSession(ada, bad)).toEqual({ ok: false, code: "NOT_FOUND" });

    const other = listed.data.find((s) => !s.current)!;
    expect(await sessions.revokeSession(ada, other.id)).toEqual({ ok: true });
    expect((await sessions.listSessions(ada, currentId, clock())).data.map((s) => s.id)).toEqual([currentId]);
    expect(await sessions.currentSessionId(new Headers({ cookie: here }))).toBe(currentId);
  });
});
