import { describe, expect, it } from "vitest";
import { MAX_LINES, MAX_QUANTITY, planCartSignIn, type MergeLine, type SeenPrice } from "./index";

const seen = (minor: number): SeenPrice => ({ seenPriceMinor: minor, seenCurrency: "EUR", seenDisplayMinor: minor, seenDisplayCurrency: "EUR" });
const line = (id: string, variantId: string, quantity: number, options: { stock?: number; at?: number; price?: number } = {}): MergeLine => ({
  id,
  variantId,
  quantity,
  stock: options.stock ?? 50,
  createdAt: new Date(options.at ?? 0),
  seen: seen(options.price ?? 1000),
});

describe("planCartSignIn", () => {
  it("does nothing without a cart on either side", () => {
    expect(planCartSignIn(null, null)).toEqual({ kind: "NONE" });
  });

  it("points the browser at the account's cart when it has none", () => {
    expect(planCartSignIn(null, { id: "owned", lines: [line("a", "v1", 1)] })).toEqual({ kind: "USE_OWNED", cartId: "owned" });
  });

  it("claims the browser's cart when the account has none", () => {
    expect(planCartSignIn({ id: "anon", lines: [line("a", "v1", 1)] }, null)).toEqual({ kind: "CLAIM", cartId: "anon" });
  });

  it("adds the quantities of a variant in both carts and keeps the newer line's seen price", () => {
    const plan = planCartSignIn({ id: "anon", lines: [line("x", "v1", 2, { at: 2000, price: 1200 })] }, { id: "owned", lines: [line("o", "v1", 3, { at: 1000, price: 1000 })] });
    expect(plan).toEqual({ kind: "MERGE", into: "owned", from: "anon", lines: [{ lineId: "o", variantId: "v1", quantity: 5, seen: seen(1200) }] });
  });

  it("keeps the account's seen price when its line is the newer one", () => {
    const plan = planCartSignIn({ id: "anon", lines: [line("x", "v1", 1, { at: 1000, price: 1200 })] }, { id: "owned", lines: [line("o", "v1", 1, { at: 5000, price: 900 })] });
    expect(plan.kind === "MERGE" && plan.lines[0]!.seen).toEqual(seen(900));
  });

  it("caps the sum by the stock and by the most a line holds", () => {
    const byStock = planCartSignIn({ id: "anon", lines: [line("x", "v1", 4, { stock: 6 })] }, { id: "owned", lines: [line("o", "v1", 4, { stock: 6 })] });
    expect(byStock.kind === "MERGE" && byStock.lines[0]!.quantity).toBe(6);
    const byLimit = planCartSignIn({ id: "anon", lines: [line("x", "v1", 60, { stock: 500 })] }, { id: "owned", lines: [line("o", "v1", 60, { stock: 500 })] });
    expect(byLimit.kind === "MERGE" && byLimit.lines[0]!.quantity).toBe(MAX_QUANTITY);
  });

  it("moves lines the account's cart lacks, and leaves out what is sold out", () => {
    const plan = planCartSignIn({ id: "anon", lines: [line("x", "v2", 2), line("y", "v3", 1, { stock: 0 })] }, { id: "owned", lines: [line("o", "v1", 1)] });
    expect(plan).toEqual({ kind: "MERGE", into: "owned", from: "anon", lines: [{ lineId: null, variantId: "v2", quantity: 2, seen: seen(1000) }] });
  });

  it("stops adding new lines at the cart's line limit", () => {
    const owned = Array.from({ length: MAX_LINES - 1 }, (_, i) => line(`o${i}`, `v${i}`, 1));
    const plan = planCartSignIn({ id: "anon", lines: [line("x", "new1", 1), line("y", "new2", 1), line("z", "v0", 1)] }, { id: "owned", lines: owned });
    expect(plan.kind === "MERGE" && plan.lines.map((l) => l.variantId)).toEqual(["new1", "v0"]);
  });

  it("merges an empty browser cart into nothing but still retires it", () => {
    expect(planCartSignIn({ id: "anon", lines: [] }, { id: "owned", lines: [] })).toEqual({ kind: "MERGE", into: "owned", from: "anon", lines: [] });
  });
});
