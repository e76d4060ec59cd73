import sharp from "sharp";
import { test, expect } from "./fixtures";
import { DEMO, signIn } from "./sign-in";
import { messages, text } from "./messages";

/**
 * A seller's product photos: the demo seller uploads a PNG, it becomes ready in the
 * background, and the storefront shows it as a responsive <picture> served with an
 * immutable cache header; a text file named .png is refused in the seller's language.
 */

const PRODUCT_ID = "prd_012";
/** Another of the seller's products, so the two tests never see each other's uploads. */
const OTHER_PRODUCT_ID = "prd_013";
/** The seller's digital product. */
const DIGITAL_PRODUCT_ID = "prd_020";
const PRODUCT_SLUG = "solingen-chefs-knife-20cm";
const mediaPath = (locale: string, id = PRODUCT_ID) => `/${locale}/seller/products/${id}/media`;

test.describe("seller media", () => {
  test("the demo seller uploads a PNG; once ready the product page shows it as a picture served immutable", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO.seller("hollerbach-solingen"), { returnTo: mediaPath("en") });
    const png = await sharp({ create: { width: 1400, height: 1050, channels: 3, background: { r: 30, g: 110, b: 160 } } }).png().toBuffer();
    await page.locator("#media-image-file").setInputFiles({ name: "knife.png", mimeType: "image/png", buffer: png });
    await page.locator("#media-image-file").locator("xpath=ancestor::form").locator("button[type=submit]").click();
    await expect(page).toHaveURL(/done=imageUploaded/);
    await expect(page.getByTestId("panel-done")).toHaveText(text(messages("en"), "sellerMedia.done.imageUploaded"));

    // The renditions are made by the server's job runner: wait until the page says READY.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("media-image").last()).toHaveAttribute("data-status", "READY", { timeout: 1_000 });
    }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 3_000] });

    const media: { url: string; status: number; cacheControl: string | undefined; contentType: string | undefined }[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/media/")) media.push({ url: response.url(), status: response.status(), cacheControl: response.headers()["cache-control"], contentType: response.headers()["content-type"] });
    });
    await page.goto(`/en/products/${PRODUCT_SLUG}`);
    const picture = page.locator(".gallery-track picture").first();
    await expect(picture).toBeVisible();
    await expect(picture.locator("source[type='image/avif']")).toHaveAttribute("srcset", /\/media\/i[0-9a-f]{32}\/320\.avif 320w/);
    await expect(picture.locator("source[type='image/webp']")).toHaveAttribute("srcset", /1280\.webp 1280w/);
    const img = picture.locator("img");
    await expect(img).toHaveAttribute("width", "1280");
    await expect(img).toHaveAttribute("height", "960");
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    const src = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
    expect(new URL(src).pathname).toMatch(/^\/media\/i[0-9a-f]{32}\/\d+\.(avif|webp)$/);
    await expect.poll(() => media.find((m) => m.url === src)).toBeTruthy();
    const loaded = media.find((m) => m.url === src)!;
    expect(loaded.status).toBe(200);
    expect(loaded.cacheControl).toBe("public, max-age=31536000, immutable");
    expect(loaded.contentType).toMatch(/^image\/(avif|webp)$/);
    // An address the store never made is not there.
    expect((await page.request.get(src.replace(/\/\d+\.(avif|webp)$/, "/333.webp"))).status()).toBe(404);
  });

  test("a text file renamed .png is refused with the translated message, and nothing is added", async ({ page }) => {
    await signIn(page, DEMO.seller("hollerbach-solingen"), { locale: "de", returnTo: mediaPath("de", OTHER_PRODUCT_ID) });
    const before = await page.getByTestId("media-image").count();
    await page.locator("#media-image-file").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("this is only text, not a photo\n") });
    await page.locator("#media-image-file").locator("xpath=ancestor::form").locator("button[type=submit]").click();
    await expect(page).toHaveURL(/error=IMAGE_TYPE/);
    await expect(page.getByTestId("panel-error")).toHaveText(text(messages("de"), "panel.error.IMAGE_TYPE"));
    await expect(page.getByTestId("media-image")).toHaveCount(before);
  });

  test.describe("on a phone, in Arabic", () => {
    test.use({ viewport: { width: 375, height: 800 } });
    test("licence keys pasted for a digital product are counted, never shown", async ({ page }) => {
      await signIn(page, DEMO.seller("hollerbach-solingen"), { locale: "ar", returnTo: mediaPath("ar", DIGITAL_PRODUCT_ID) });
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await page.locator("#media-keys-text").fill("E2E-KEY-0001\nE2E-KEY-0002\nE2E-KEY-0001");
      await page.locator("#media-keys-text").locator("xpath=ancestor::form").locator("button[type=submit]").click();
      await expect(page).toHaveURL(/done=keysAdded/);
      await expect(page.getByTestId("panel-done")).toHaveText(text(messages("ar"), "sellerMedia.done.keysAdded"));
      await expect(page.getByTestId("media-keys-available")).toHaveText(new Intl.NumberFormat("ar").format(2));
      await expect(page.locator("body")).not.toContainText("E2E-KEY");
    });
  });
});
