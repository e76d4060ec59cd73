/**
 * The checkout's address fields as the server renders them: order, labels, autofill
 * tokens, required and length limits, the region list, and errors tied to their fields.
 */
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { AddressFields, type AddressFieldsProps } from "@/components/checkout/address-fields";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import ar from "@/messages/ar.json";

function render(props: AddressFieldsProps, locale: "en" | "ja" | "ar" = "en"): string {
  const messages = { en, ja, ar }[locale];
  const config = { locale, messages, timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, config, createElement(AddressFields, props)));
}

/** Each control's tag and attributes (names lower-cased, as HTML reads them), in document order. */
function controls(html: string): { tag: string; attrs: Record<string, string> }[] {
  return [...html.matchAll(/<(input|select)\b([^>]*)>/g)].map(([, tag, attrs]) => ({
    tag: tag!,
    attrs: Object.fromEntries([...attrs!.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!.toLowerCase(), value ?? ""])),
  }));
}

describe("AddressFields", () => {
  it("renders a US address in order, with autofill tokens, limits and the state list", () => {
    const html = render({ country: "US", values: { name: "Jane Doe", region: "CA" }, errors: [] });
    const fields = controls(html).filter((c) => c.attrs.type !== "hidden");
    expect(fields.map((c) => c.attrs.name)).toEqual(["name", "organization", "line1", "line2", "city", "region", "postalCode", "phone", "email"]);
    expect(fields.map((c) => c.attrs.autocomplete)).toEqual(["name", "organization", "address-line1", "address-line2", "address-level2", "address-level1", "postal-code", "tel", "email"]);
    expect(fields.find((c) => c.attrs.name === "name")?.attrs).toMatchObject({ value: "Jane Doe", maxlength: "80", required: "" });
    expect(fields.find((c) => c.attrs.name === "organization")?.attrs.required).toBeUndefined();
    expect(fields.find((c) => c.attrs.name === "region")?.tag).toBe("select");
    expect(html).toContain('<option value="CA" selected="">California</option>');
    expect(fields.find((c) => c.attrs.name === "postalCode")?.attrs).toMatchObject({ inputmode: "numeric" });
    expect(fields.find((c) => c.attrs.name === "phone")?.attrs).toMatchObject({ type: "tel", inputmode: "tel" });
    expect(html).toContain(">ZIP code<");
    expect(html).toContain(">State<");
    expect(html).toContain("For example 95014");
    expect(html).toContain('<input type="hidden" name="country" value="US"/>');
  });

  it("ties each error to its field with aria-invalid and aria-describedby", () => {
    const html = render({ country: "GB", values: {}, errors: [{ field: "postalCode", code: "INVALID_POSTAL_CODE" }, { field: "line1", code: "TOO_LONG" }], namePrefix: "shipping." });
    const postal = controls(html).find((c) => c.attrs.name === "shipping.postalCode")!;
    expect(postal.attrs["aria-invalid"]).toBe("true");
    expect(postal.attrs["aria-describedby"]).toBe("address-shipping-postalCode-hint address-shipping-postalCode-error");
    expect(html).toContain('id="address-shipping-postalCode-error" class="field-error">Check the format of this code.<');
    expect(html).toContain("Use at most 120 characters.");
    expect(postal.attrs).toMatchObject({ inputmode: "text", autocapitalize: "characters" });
    expect(html).toContain(">Postcode<");
    expect(controls(html).find((c) => c.attrs.name === "shipping.name")?.attrs["aria-invalid"]).toBeUndefined();
  });

  it("follows Japan's order and prefecture names for a Japanese reader, the Latin order otherwise", () => {
    const local = controls(render({ country: "JP", values: {}, errors: [] }, "ja")).filter((c) => c.attrs.type !== "hidden");
    expect(local.map((c) => c.attrs.name)).toEqual(["postalCode", "region", "line1", "line2", "organization", "name", "phone", "email"]);
    expect(render({ country: "JP", values: { region: "東京都" }, errors: [] }, "ja")).toContain('<option value="13" selected="">東京都</option>');
    const latin = render({ country: "JP", values: {}, errors: [] }, "en");
    expect(controls(latin)[1]!.attrs.name).toBe("name");
    expect(latin).toContain('<option value="13">Tokyo</option>');
    expect(latin).toContain(">Prefecture<");
  });

  it("has no postal code in the UAE, and emirates by their Arabic names for an Arabic reader", () => {
    const html = render({ country: "AE", values: {}, errors: [], email: false }, "ar");
    expect(controls(html).map((c) => c.attrs.name)).toEqual(["country", "name", "organization", "line1", "line2", "region", "phone"]);
    expect(html).toContain(">الإمارة<");
    expect(html).toContain('<option value="DU">دبي</option>');
  });

  it("says so for a country the store does not ship to", () => {
    expect(render({ country: "FI", values: {}, errors: [] })).toContain("We do not ship to this country.");
  });
});
