import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Runs axe-core on the current page; serious or critical violations fail the test. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`),
    `accessibility violations on ${page.url()}`,
  ).toEqual([]);
}

type Fixtures = {
  /** Runs automatically: the page a test ends on is checked with axe-core too (pages reached by clicks). */
  accessibleAtEnd: void;
  /** Navigates, asserts a successful response, then checks accessibility. */
  visit: (path: string, options?: { status?: number }) => Promise<void>;
  /** Sets the ship-to country the way a buyer does: through the header's selector. */
  shipTo: (country: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  accessibleAtEnd: [
    async ({ page, javaScriptEnabled }, use, testInfo) => {
      await use();
      // axe runs as a script in the page: not on pages loaded with JavaScript disabled.
      if (javaScriptEnabled && testInfo.status === testInfo.expectedStatus && page.url().startsWith("http")) await expectAccessible(page);
    },
    { auto: true },
  ],
  visit: async ({ page }, use) => {
    await use(async (path, options = {}) => {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBe(options.status ?? 200);
      await expectAccessible(page);
    });
  },
  shipTo: async ({ page }, use) => {
    await use(async (country) => {
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/api/preferences/market") && r.request().method() === "POST"),
        page.locator("#ship-to").selectOption(country),
      ]);
      await page.waitForLoadState("load");
      await expect(page.locator("#ship-to")).toHaveValue(country);
    });
  },
});

export { expect };
