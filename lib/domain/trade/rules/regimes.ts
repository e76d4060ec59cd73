/**
 * Import regimes as data. Each customs territory lists dated "bands"; for a parcel the
 * engine takes the first band in effect on the pricing date whose conditions hold
 * (origin, excise goods, intrinsic value <= `upTo`), so thresholds, suspensions and
 * rule changes are rows, not code. Every territory ends with a catch-all band.
 *
 * A band says how duty and VAT/GST are charged:
 *  - duty: none | tariff (duty-rates.ts) | a flat ad valorem rate | a flat amount per
 *    distinct 6-digit HS subheading (the EU's EUR 3 from 2026-07-01);
 *  - tax: at sale (IOSS, UK point of sale, AU low-value GST: on goods + shipping) |
 *    import (on the import tax base + duty) | a special import rate | none.
 */
import { money, type Money } from "@/lib/domain/money";
import type { CountryCode } from "../countries";
import type { Percent } from "../percent";
import type { IsoDate, Regime } from "../types";
import type { RuleMeta } from "./rule";

export type ValueBase = "FOB" | "CIF";

export type DutyTreatment =
  | { readonly kind: "none" }
  | { readonly kind: "tariff" }
  | { readonly kind: "rate"; readonly rate: Percent; readonly deduction?: Money }
  | { readonly kind: "perSubheading"; readonly amount: Money };

export type TaxTreatment =
  | { readonly kind: "atSale" }
  | { readonly kind: "import" }
  | { readonly kind: "importRate"; readonly rate: Percent }
  | { readonly kind: "none" };

/** A charge levied on the customs value at import (Kenya's IDF and RDL). */
export interface FeeRule extends RuleMeta {
  readonly rate: Percent;
}

export interface RegimeBand {
  /** The rules this band applies; all are reported on the quote. */
  readonly rules: readonly RuleMeta[];
  readonly validFrom: IsoDate;
  readonly validTo?: IsoDate;
  readonly regime: Regime;
  /** Inclusive threshold on the consignment's intrinsic value, in its own currency. */
  readonly upTo?: Money;
  readonly origins?: readonly CountryCode[];
  readonly excludeOrigins?: readonly CountryCode[];
  /** The band is unavailable to consignments holding excise goods (alcohol, tobacco). */
  readonly excludesExcise?: boolean;
  readonly duty: DutyTreatment;
  readonly tax: TaxTreatment;
  readonly fees?: readonly FeeRule[];
  /** Amounts at or below these (in their currency) are not collected. */
  readonly waiveIfAtMost?: { readonly duty?: Money; readonly tax?: Money; readonly rule: RuleMeta };
}

export interface ImportTerritory {
  readonly territory: string;
  /** What duty is charged on: goods only (FOB) or goods + transport (CIF). */
  readonly dutyBase: ValueBase;
  /** What import VAT/GST is charged on, before adding duty. */
  readonly importTaxBase: ValueBase;
  /** Overrides the VAT table at import (Brazil's ICMS, charged on a tax-inclusive base). */
  readonly importTax?: { readonly rate: Percent; readonly grossUp: boolean };
  readonly bands: readonly RegimeBand[];
}

function rule(id: string, validFrom: IsoDate, source: string, extra: { validTo?: IsoDate; note?: string; version?: string } = {}): RuleMeta {
  const { version = validFrom, ...rest } = extra;
  return { id, version, validFrom, source, ...rest };
}

const NONE = { kind: "none" } as const;
const TARIFF = { kind: "tariff" } as const;
const AT_SALE = { kind: "atSale" } as const;
const IMPORT = { kind: "import" } as const;

/** HS headings of excise goods (beer, wine, spirits; tobacco and nicotine products). */
export const EXCISE_HS_PREFIXES: readonly string[] = ["2203", "2204", "2205", "2206", "2207", "2208", "2402", "2403", "2404"];

// ---------------------------------------------------------------- cross-market rules

export const DOMESTIC_RULE = rule("regime.domestic", "2000-01-01", "Domestic supply: VAT/GST of the country of sale, no customs formalities", { version: "1" });

export const INTRA_EU_RULE = rule(
  "regime.eu.intra-eu-distance-sale",
  "2021-07-01",
  "VAT Directive 2006/112/EC art. 33 as amended by Council Directive (EU) 2017/2455: intra-EU B2C distance sales taxed in the member state of arrival (EU one-stop shop); one customs union, no duty",
);

export const DIGITAL_RULE = rule(
  "regime.digital.place-of-supply",
  "2015-01-01",
  "VAT Directive 2006/112/EC art. 58: electronically supplied services taxed where the customer belongs; non-EU markets apply equivalent non-resident digital regimes",
);

export const EVIDENCE_RULE = rule(
  "evidence.two-pieces",
  "2015-01-01",
  "Council Implementing Regulation (EU) 282/2011 art. 24b and 24f: two non-contradictory pieces of location evidence (billing address, IP address, bank, SIM)",
);

/** No customs border: same country, or both in the EU customs union (destination VAT). */
export const DOMESTIC_BAND: RegimeBand = { rules: [DOMESTIC_RULE], validFrom: DOMESTIC_RULE.validFrom, regime: "DOMESTIC", duty: NONE, tax: AT_SALE };
export const INTRA_EU_BAND: RegimeBand = { rules: [INTRA_EU_RULE], validFrom: INTRA_EU_RULE.validFrom, regime: "DOMESTIC", duty: NONE, tax: AT_SALE };

// ---------------------------------------------------------------- EU

const EU_IOSS = rule("regime.eu.ioss", "2021-07-01", "Council Directives (EU) 2017/2455 and 2019/1995 (import one-stop shop); AEAT guide to low-value consignments: intrinsic value <= EUR 150, excise goods excluded, destination-state VAT at sale");
const EU_IMPORT = rule("regime.eu.import", "2021-07-01", "Union Customs Code (Reg. (EU) 952/2013) art. 70-71 (customs value incl. transport to the EU border); VAT Directive art. 85-86 (import VAT base incl. duty)");
const EU_FLAT_DUTY = rule("duty.eu.flat-low-value", "2026-07-01", "Council Reg. (EU) 2026/382; Delegated Reg. (EU) 2026/1022: EUR 3 per distinct tariff subheading in a consignment <= EUR 150", {
  validTo: "2028-07-01",
});
const EU_LOW_VALUE_TARIFF = rule("duty.eu.low-value-tariff", "2028-07-01", "EU customs reform (Council agreement 2025-11-13, approved 2026-02-11): the EUR 150 duty relief is abolished; normal tariff duty once the EU customs data hub operates", {
  note: "Expected date (end of the interim flat duty); confirm when the data hub's start is fixed.",
});

const EUR_150 = money(15000, "EUR");

const EU: ImportTerritory = {
  territory: "EU",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [
    { rules: [EU_IOSS], validFrom: "2021-07-01", validTo: "2026-07-01", regime: "EU_IOSS", upTo: EUR_150, excludesExcise: true, duty: NONE, tax: AT_SALE },
    {
      rules: [EU_IOSS, EU_FLAT_DUTY], validFrom: "2026-07-01", validTo: "2028-07-01", regime: "EU_IOSS", upTo: EUR_150, excludesExcise: true,
      duty: { kind: "perSubheading", amount: money(300, "EUR") }, tax: AT_SALE,
    },
    { rules: [EU_IOSS, EU_LOW_VALUE_TARIFF], validFrom: "2028-07-01", regime: "EU_IOSS", upTo: EUR_150, excludesExcise: true, duty: TARIFF, tax: AT_SALE },
    { rules: [EU_IMPORT], validFrom: "2021-07-01", regime: "EU_IMPORT", duty: TARIFF, tax: IMPORT },
  ],
};

// ---------------------------------------------------------------- United Kingdom

const UK_POS = rule("regime.uk.point-of-sale", "2021-01-01", "VAT Act 1994 s.5A (online marketplace as deemed supplier); HMRC VAT Manual VATREG37210: consignments <= GBP 135, excise goods excluded, UK VAT at sale, customs duty relief");
const UK_IMPORT = rule("regime.uk.import", "2021-01-01", "HMRC: import VAT on the customs value incl. transport plus duty (VAT Act 1994 s.21); UK Global Tariff");

const GB: ImportTerritory = {
  territory: "GB",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [
    { rules: [UK_POS], validFrom: "2021-01-01", regime: "UK_POINT_OF_SALE", upTo: money(13500, "GBP"), excludesExcise: true, duty: NONE, tax: AT_SALE },
    { rules: [UK_IMPORT], validFrom: "2021-01-01", regime: "UK_IMPORT", duty: TARIFF, tax: IMPORT },
  ],
};

// ---------------------------------------------------------------- United States

const US_IMPORT = rule("regime.us.import", "2016-03-10", "19 U.S.C. 1401a (transaction value, excluding international freight); no federal VAT at import; HTSUS duty", { version: "1" });
const US_DE_MINIMIS = rule("regime.us.de-minimis", "2016-03-10", "19 U.S.C. 1321 as amended by the Trade Facilitation and Trade Enforcement Act of 2015: USD 800 per person per day", { validTo: "2025-08-29" });
const US_CN_HK_SUSPENSION = rule("regime.us.de-minimis-suspended-cn-hk", "2025-05-02", "Executive Order 14256 (2025-04-02): duty-free de minimis ended for goods from China and Hong Kong from 2025-05-02", { validTo: "2025-08-29" });
const US_NO_DE_MINIMIS_ORDER = rule("regime.us.no-de-minimis", "2025-08-29", "Executive Order of 2025-07-30: duty-free de minimis treatment suspended for all countries from 2025-08-29", { validTo: "2027-07-01" });
const US_NO_DE_MINIMIS_LAW = rule("regime.us.no-de-minimis", "2027-07-01", "2025 budget reconciliation act (Public Law 119-21): statutory repeal of de minimis for commercial shipments from 2027-07-01");

const USD_800 = money(80000, "USD");
const CN_HK: readonly CountryCode[] = ["CN", "HK"];

const US: ImportTerritory = {
  territory: "US",
  dutyBase: "FOB",
  importTaxBase: "FOB",
  bands: [
    { rules: [US_DE_MINIMIS, US_IMPORT], validFrom: "2016-03-10", validTo: "2025-05-02", regime: "US_IMPORT", upTo: USD_800, duty: NONE, tax: NONE },
    { rules: [US_DE_MINIMIS, US_IMPORT], validFrom: "2025-05-02", validTo: "2025-08-29", regime: "US_IMPORT", upTo: USD_800, excludeOrigins: CN_HK, duty: NONE, tax: NONE },
    { rules: [US_CN_HK_SUSPENSION, US_IMPORT], validFrom: "2025-05-02", validTo: "2025-08-29", regime: "US_IMPORT", origins: CN_HK, duty: TARIFF, tax: NONE },
    { rules: [US_IMPORT], validFrom: "2016-03-10", validTo: "2025-08-29", regime: "US_IMPORT", duty: TARIFF, tax: NONE },
    { rules: [US_NO_DE_MINIMIS_ORDER, US_IMPORT], validFrom: "2025-08-29", validTo: "2027-07-01", regime: "US_IMPORT", duty: TARIFF, tax: NONE },
    { rules: [US_NO_DE_MINIMIS_LAW, US_IMPORT], validFrom: "2027-07-01", regime: "US_IMPORT", duty: TARIFF, tax: NONE },
  ],
};

// ---------------------------------------------------------------- Australia

const AU_LVG = rule("regime.au.low-value-gst", "2018-07-01", "Australian Taxation Office: GST on low value imported goods (GST Act 1999 Div 84-A): customs value <= AUD 1,000, tobacco and alcohol excluded; electronic distribution platform liable");
const AU_IMPORT = rule("regime.au.import", "2018-07-01", "Australian Border Force: duty on FOB customs value; GST on the value of the taxable importation (customs value + transport and insurance + duty)");

const AU: ImportTerritory = {
  territory: "AU",
  dutyBase: "FOB",
  importTaxBase: "CIF",
  bands: [
    { rules: [AU_LVG], validFrom: "2018-07-01", regime: "AU_LOW_VALUE_GST", upTo: money(100000, "AUD"), excludesExcise: true, duty: NONE, tax: AT_SALE },
    { rules: [AU_IMPORT], validFrom: "2018-07-01", regime: "AU_IMPORT", duty: TARIFF, tax: IMPORT },
  ],
};

// ---------------------------------------------------------------- other markets

const JP_SMALL = rule("regime.jp.small-value", "2019-10-01", "Japan Customs: duty and import consumption tax exempted when the dutiable value is JPY 10,000 or less (Customs Tariff Act art. 14(18))", {
  note: "Personal-use imports are valued at 60% of the overseas retail price; the engine uses the full price (over-estimates).",
});
const JP_IMPORT = rule("regime.jp.import", "2019-10-01", "Japan Customs: CIF customs value; import consumption tax 10% on CIF + duty");

const JP: ImportTerritory = {
  territory: "JP",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [
    { rules: [JP_SMALL], validFrom: "2019-10-01", regime: "IMPORT", upTo: money(10000, "JPY"), duty: NONE, tax: NONE },
    { rules: [JP_IMPORT], validFrom: "2019-10-01", regime: "IMPORT", duty: TARIFF, tax: IMPORT },
  ],
};

const KR_LIST = rule("regime.kr.list-clearance", "2016-01-01", "Korea Customs Service: duty and VAT exemption for personal-use goods up to USD 150, USD 200 when shipped from the US (KORUS FTA)");
const KR_IMPORT = rule("regime.kr.import", "2016-01-01", "Korea Customs Service: duty on CIF value; VAT 10% on CIF + duty");

const KR: ImportTerritory = {
  territory: "KR",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [
    { rules: [KR_LIST], validFrom: "2016-01-01", regime: "IMPORT", origins: ["US"], upTo: money(20000, "USD"), duty: NONE, tax: NONE },
    { rules: [KR_LIST], validFrom: "2016-01-01", regime: "IMPORT", upTo: money(15000, "USD"), duty: NONE, tax: NONE },
    { rules: [KR_IMPORT], validFrom: "2016-01-01", regime: "IMPORT", duty: TARIFF, tax: IMPORT },
  ],
};

const CN_CBEC = rule("regime.cn.cbec-retail", "2019-01-01", "MOF/GACC/SAT cross-border e-commerce retail import policy (Caishui [2016] No. 18; Caiguanshui [2018] No. 49): within CNY 5,000 per transaction duty 0% and import VAT at 70% of the statutory rate (9.1%)", {
  note: "The CNY 26,000 annual limit per buyer is not checked; books would be 70% of 9%.",
});
const CN_IMPORT = rule("regime.cn.import", "2019-04-01", "GACC: general trade import above the cross-border limit; duty on CIF value, import VAT 13% on CIF + duty");

const CN: ImportTerritory = {
  territory: "CN",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [
    { rules: [CN_CBEC], validFrom: "2019-04-01", regime: "IMPORT", upTo: money(500000, "CNY"), duty: NONE, tax: { kind: "importRate", rate: "9.1" } },
    { rules: [CN_IMPORT], validFrom: "2019-04-01", regime: "IMPORT", duty: TARIFF, tax: IMPORT },
  ],
};

const CA_CUSMA = rule("regime.ca.cusma-courier", "2020-07-01", "CBSA Customs Notice 20-18 (Courier Imports Remission Order): from the US or Mexico duty and tax free up to CAD 40, duty free up to CAD 150");
const CA_LOW_VALUE = rule("regime.ca.low-value", "2020-07-01", "CBSA: duty and tax free up to CAD 20 from any country (Courier and Postal Imports Remission Orders)");
const CA_IMPORT = rule("regime.ca.import", "2020-07-01", "CBSA: duty on the value for duty (FOB); GST on value for duty + duty; provincial tax not modelled");
const US_MX: readonly CountryCode[] = ["US", "MX"];

const CA: ImportTerritory = {
  territory: "CA",
  dutyBase: "FOB",
  importTaxBase: "FOB",
  bands: [
    { rules: [CA_CUSMA], validFrom: "2020-07-01", regime: "IMPORT", origins: US_MX, upTo: money(4000, "CAD"), duty: NONE, tax: NONE },
    { rules: [CA_CUSMA], validFrom: "2020-07-01", regime: "IMPORT", origins: US_MX, upTo: money(15000, "CAD"), duty: NONE, tax: IMPORT },
    { rules: [CA_LOW_VALUE], validFrom: "2020-07-01", regime: "IMPORT", upTo: money(2000, "CAD"), duty: NONE, tax: NONE },
    { rules: [CA_IMPORT], validFrom: "2020-07-01", regime: "IMPORT", duty: TARIFF, tax: IMPORT },
  ],
};

const CH_IMPORT = rule("regime.ch.import", "2024-01-01", "Federal Office for Customs and Border Security (BAZG): import VAT on the value incl. transport to the destination; industrial tariffs abolished 2024-01-01");
const CH_SMALL_AMOUNTS = rule("regime.ch.small-amounts", "2024-01-01", "BAZG: import VAT and customs duty amounts of CHF 5 or less are not collected");
const CHF_5 = money(500, "CHF");

const CH: ImportTerritory = {
  territory: "CH",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [
    { rules: [CH_IMPORT], validFrom: "2024-01-01", regime: "IMPORT", duty: TARIFF, tax: IMPORT, waiveIfAtMost: { duty: CHF_5, tax: CHF_5, rule: CH_SMALL_AMOUNTS } },
  ],
};

const BR_REMESSA = rule("regime.br.remessa-conforme", "2024-08-01", "Lei 14.902/2024 and Portaria MF 1.086/2024 (Remessa Conforme): import tax 20% up to USD 50; 60% less USD 20 up to USD 3,000; ICMS 17% (Convênio ICMS 81/2023) on a tax-inclusive base", {
  note: "Some states charge 20% ICMS since 2025-04-01; 17% is used as the estimate.",
});
const BR_IMPORT = rule("regime.br.import", "2024-08-01", "Receita Federal: general import regime above USD 3,000 (Mercosur common external tariff, ICMS)");

const BR: ImportTerritory = {
  territory: "BR",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  importTax: { rate: "17", grossUp: true },
  bands: [
    { rules: [BR_REMESSA], validFrom: "2024-08-01", regime: "IMPORT", upTo: money(5000, "USD"), duty: { kind: "rate", rate: "20" }, tax: IMPORT },
    { rules: [BR_REMESSA], validFrom: "2024-08-01", regime: "IMPORT", upTo: money(300000, "USD"), duty: { kind: "rate", rate: "60", deduction: money(2000, "USD") }, tax: IMPORT },
    { rules: [BR_IMPORT], validFrom: "2024-08-01", regime: "IMPORT", duty: TARIFF, tax: IMPORT },
  ],
};

const IN_IMPORT = rule("regime.in.import", "2017-07-01", "CBIC: basic customs duty and Social Welfare Surcharge on the CIF value; IGST on value + duties; no de minimis for commercial imports");

const IN: ImportTerritory = {
  territory: "IN",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [{ rules: [IN_IMPORT], validFrom: "2017-07-01", regime: "IMPORT", duty: TARIFF, tax: IMPORT }],
};

const AE_DUTY_RELIEF = rule("regime.ae.low-value-duty", "2023-03-01", "GCC Unified Guide for Customs Procedures; Dubai Customs (threshold reinstated 2023-03-01): courier consignments up to AED 1,000 exempt from customs duty, VAT 5% still due on CIF");
const AE_IMPORT = rule("regime.ae.import", "2023-03-01", "GCC Common Customs Law: 5% duty on CIF value; UAE VAT 5% on CIF + duty");

const AE: ImportTerritory = {
  territory: "AE",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [
    { rules: [AE_DUTY_RELIEF], validFrom: "2023-03-01", regime: "IMPORT", upTo: money(100000, "AED"), excludesExcise: true, duty: NONE, tax: IMPORT },
    { rules: [AE_IMPORT], validFrom: "2023-03-01", regime: "IMPORT", duty: TARIFF, tax: IMPORT },
  ],
};

const KW_IMPORT = rule("regime.kw.import", "2016-01-01", "Kuwait General Administration of Customs: GCC common tariff on CIF value; no VAT", {
  note: "No low-value relief is assumed (carriers charge duty on small consignments).",
});

const KW: ImportTerritory = {
  territory: "KW",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [{ rules: [KW_IMPORT], validFrom: "2016-01-01", regime: "IMPORT", duty: TARIFF, tax: IMPORT }],
};

const KE_IMPORT = rule("regime.ke.import", "2024-12-27", "Kenya Revenue Authority: EAC Common External Tariff duty on CIF; VAT 16% on CIF + duty; no low-value relief modelled");
const KE_FEES: readonly FeeRule[] = [
  { ...rule("fee.ke.import-declaration", "2024-12-27", "Miscellaneous Fees and Levies Act 2016 as amended by the Tax Laws (Amendment) Act 2024: import declaration fee 2.5% of customs value"), rate: "2.5" },
  { ...rule("fee.ke.railway-development", "2024-12-27", "Miscellaneous Fees and Levies Act 2016 as amended by the Tax Laws (Amendment) Act 2024: railway development levy 2% of customs value"), rate: "2" },
];

const KE: ImportTerritory = {
  territory: "KE",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [{ rules: [KE_IMPORT], validFrom: "2024-12-27", regime: "IMPORT", duty: TARIFF, tax: IMPORT, fees: KE_FEES }],
};

const MX_COURIER = rule("regime.mx.courier-simplified", "2025-08-15", "SAT, Reglas Generales de Comercio Exterior 2025 rule 3.7.35 (amended 2025-07-28): courier global rate 33.5% up to USD 2,500; from the US or Canada exempt up to USD 50, 17% up to USD 117, 19% above", {
  note: "The global rate replaces duty and IVA; it is reported as duty with no separate tax.",
});
const MX_IMPORT = rule("regime.mx.import", "2025-08-15", "SAT: general import regime (TIGIE duty; IVA 16% on customs value + duty)");
const US_CA: readonly CountryCode[] = ["US", "CA"];

const MX: ImportTerritory = {
  territory: "MX",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [
    { rules: [MX_COURIER], validFrom: "2025-08-15", regime: "IMPORT", origins: US_CA, upTo: money(5000, "USD"), duty: NONE, tax: NONE },
    { rules: [MX_COURIER], validFrom: "2025-08-15", regime: "IMPORT", origins: US_CA, upTo: money(11700, "USD"), duty: { kind: "rate", rate: "17" }, tax: NONE },
    { rules: [MX_COURIER], validFrom: "2025-08-15", regime: "IMPORT", origins: US_CA, upTo: money(250000, "USD"), duty: { kind: "rate", rate: "19" }, tax: NONE },
    { rules: [MX_COURIER], validFrom: "2025-08-15", regime: "IMPORT", upTo: money(250000, "USD"), duty: { kind: "rate", rate: "33.5" }, tax: NONE },
    { rules: [MX_IMPORT], validFrom: "2025-08-15", regime: "IMPORT", duty: TARIFF, tax: IMPORT },
  ],
};

const MA_IMPORT = rule("regime.ma.import", "2022-07-01", "Decree 2-22-438 amending Decree 2-77-862 art. 190: goods bought on e-commerce platforms no longer benefit from the MAD 1,250 exemption; duty and VAT 20% apply whatever the value");

const MA: ImportTerritory = {
  territory: "MA",
  dutyBase: "CIF",
  importTaxBase: "CIF",
  bands: [{ rules: [MA_IMPORT], validFrom: "2022-07-01", regime: "IMPORT", duty: TARIFF, tax: IMPORT }],
};

export const IMPORT_TERRITORIES: readonly ImportTerritory[] = [EU, GB, US, AU, JP, KR, CN, CA, CH, BR, IN, AE, KW, KE, MX, MA];

const BY_TERRITORY = new Map(IMPORT_TERRITORIES.map((t) => [t.territory, t]));

export function findImportTerritory(territory: string): ImportTerritory | undefined {
  return BY_TERRITORY.get(territory);
}
