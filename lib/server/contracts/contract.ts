import "server-only";
import { createTranslator } from "use-intl/core";
import { jurisdictionOf, renderContract, type ContractParty, type RenderedContract } from "@/lib/domain/contracts";
import type { Locale } from "@/lib/domain/markets";
import type { CartParcelView } from "@/lib/server/cart";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { sha256Hex, termsInForce } from "./terms";

/** The marketplace operator, the contract's intermediary party. */
export const OPERATOR: ContractParty = {
  legalName: "Caravan Marketplace Ltd.",
  displayName: "Caravan",
  country: "IE",
  address: ["2 Harbour Square", "Dublin D02 X285", "Ireland"],
  email: "support@caravan.example",
  registration: "Company no. 712345 · VAT IE3712345KH",
};

export interface CheckoutContract {
  rendered: RenderedContract;
  /** SHA-256 (hex) of `rendered.text`: what the acceptance records and the pay form names. */
  sha256: string;
  /** The day the version came into force. */
  effective: string;
}

/** A seller's return policy in the buyer's language, from the seller's terms (days, who pays the return). */
export function returnPolicyText(locale: Locale, legal: { returnDays: number; returnShippingPaidBy: string }, digital: boolean): string {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "returns", timeZone: "UTC" });
  const policy = t("policy", { days: legal.returnDays, payer: legal.returnShippingPaidBy === "SELLER" ? "SELLER" : "BUYER" });
  return digital ? `${policy} ${t("digital")}` : policy;
}

/**
 * The contract of sale as the buyer sees it at checkout: the terms in force for the
 * destination's jurisdiction on that day, in the buyer's language (English standing in,
 * and said so, where a version has no translation), naming the operator and each seller
 * of the order with their return policy, and the withdrawal terms.
 */
export function checkoutContract(input: {
  destination: string;
  locale: Locale;
  date: Date;
  parcels: readonly CartParcelView[];
  digitalImmediateSupply: boolean | null;
}): CheckoutContract {
  const terms = termsInForce(jurisdictionOf(input.destination), input.locale, input.date);
  const rendered = renderContract({
    terms,
    operator: OPERATOR,
    sellers: input.parcels.map((parcel) => {
      const goods = parcel.lines.some((l) => l.product.kind === "PHYSICAL");
      const digital = parcel.lines.some((l) => l.product.kind === "DIGITAL");
      return {
        legalName: parcel.seller.legal.name,
        displayName: parcel.seller.name,
        country: parcel.seller.country,
        address: parcel.seller.legal.address,
        trader: parcel.seller.legal.trader,
        returnPolicy: returnPolicyText(input.locale, parcel.seller.legal, digital),
        supplies: { goods, digital },
      };
    }),
    digitalImmediateSupply: input.digitalImmediateSupply,
  });
  return { rendered, sha256: sha256Hex(rendered.text), effective: terms.effective };
}
