import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The project's lint configuration keeps request-time APIs out of the shared shell of
 * the prerendered browse pages (docs/adr/0008); this proves the rule fires.
 */
const eslint = new ESLint();
const source = `import { cookies } from "next/headers";\nexport async function read() {\n  return (await cookies()).get("x");\n}\n`;

async function restrictedImportErrors(filePath: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports" && m.severity === 2).length;
}

describe("lint: no next/headers in the shared shell", () => {
  for (const file of [
    "app/[locale]/layout.tsx",
    "app/[locale]/[market]/layout.tsx",
    "app/[locale]/[market]/products/[slug]/page.tsx",
    "components/layout/site-header.tsx",
    "components/catalogue/product-card.tsx",
  ]) {
    it(`refuses it in ${file}`, async () => {
      expect(await restrictedImportErrors(file)).toBe(1);
    });
  }

  it("allows it outside the shell: a route handler, the per-buyer cart page", async () => {
    expect(await restrictedImportErrors("app/api/cart/route.ts")).toBe(0);
    expect(await restrictedImportErrors("app/[locale]/[market]/cart/page.tsx")).toBe(0);
  });

  it("refuses it in the cart's islands, which browse pages render", async () => {
    expect(await restrictedImportErrors("components/cart/cart-link.tsx")).toBe(1);
  });
}, 60_000);

describe("lint: one module talks to the payment provider", () => {
  const stripeSource = `import Stripe from "stripe";\nexport const s = Stripe;\n`;
  async function errors(filePath: string): Promise<number> {
    const [result] = await eslint.lintText(stripeSource, { filePath });
    return result!.messages.filter((m) => m.ruleId === "no-restricted-imports" && m.severity === 2).length;
  }
  it("refuses `stripe` anywhere but lib/server/payments", async () => {
    for (const file of ["lib/server/checkout/place.ts", "app/api/webhooks/stripe/route.ts", "app/[locale]/checkout/page.tsx", "components/layout/site-header.tsx", "lib/domain/checkout/index.ts"]) {
      expect(await errors(file), file).toBe(1);
    }
    expect(await errors("lib/server/payments/index.ts")).toBe(0);
  });
}, 60_000);
