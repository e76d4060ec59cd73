/**
 * Customs duty rates by customs territory and HS code prefix: 6-digit subheading or
 * 4-digit heading where known, then the 2-digit chapter, then the territory's default.
 * Every row is an estimate (`estimate: true`): real duty depends on the full national
 * code (8-10 digits), the origin (preferences, trade-defence and additional tariffs) and
 * sometimes weight. Most-favoured-nation rates, as published by each source named.
 */
import type { Percent } from "../percent";
import type { IsoDate } from "../types";
import type { RuleMeta } from "./rule";

export interface DutyRateRow extends RuleMeta {
  readonly territory: string;
  /** "" for the territory's default, else 2, 4 or 6 leading HS digits. */
  readonly hsPrefix: string;
  readonly rate: Percent;
  readonly estimate: true;
}

const SOURCES = {
  EU: "EU Combined Nomenclature / TARIC conventional duty (Access2Markets)",
  GB: "UK Global Tariff (GOV.UK Trade Tariff)",
  US: "USITC Harmonized Tariff Schedule of the United States, general (MFN) column",
  AU: "Australian Border Force, Customs Tariff Act 1995 Schedule 3 (general rate)",
  JP: "Japan Customs, Customs Tariff Schedule of Japan (WTO rate)",
  KR: "Korea Customs Service tariff schedule (basic rate 8% for most manufactured goods)",
  CN: "Customs Tariff Commission of the State Council, MFN import tariff",
  CA: "CBSA Customs Tariff, MFN column",
  CH: "BAZG: industrial tariffs (HS chapters 25-97) abolished from 2024-01-01",
  BR: "Mercosur Common External Tariff (TEC), general import regime",
  IN: "CBIC Customs Tariff (basic customs duty) plus Social Welfare Surcharge of 10% of BCD",
  AE: "GCC Common Customs Tariff (5% general rate)",
  KW: "GCC Common Customs Tariff (5% general rate)",
  KE: "EAC Common External Tariff (KRA): 25% for most finished goods",
  MX: "TIGIE (Mexican general import tariff)",
  MA: "ADII, Moroccan customs tariff",
} as const;

type Territory = keyof typeof SOURCES;

function duty(territory: Territory, hsPrefix: string, rate: Percent, options: { note?: string; validFrom?: IsoDate } = {}): DutyRateRow {
  const { validFrom = "2021-01-01", note } = options;
  return {
    id: `duty.${territory}.${hsPrefix === "" ? "default" : hsPrefix}`,
    version: "2026",
    validFrom,
    territory,
    hsPrefix,
    rate,
    estimate: true,
    source: SOURCES[territory],
    ...(note === undefined ? {} : { note }),
  };
}

const TYPICAL = "Typical rate used when no heading row matches.";

export const DUTY_RATES: readonly DutyRateRow[] = [
  duty("EU", "090210", "3.2", { note: "Green tea in immediate packings of 3 kg or less." }),
  duty("EU", "0902", "0"),
  duty("EU", "090121", "7.5", { note: "Roasted coffee, not decaffeinated." }),
  duty("EU", "3304", "0"),
  duty("EU", "4901", "0"),
  duty("EU", "61", "12"),
  duty("EU", "62", "12"),
  duty("EU", "6403", "8"),
  duty("EU", "6911", "12"),
  duty("EU", "8471", "0"),
  duty("EU", "8517", "0"),
  duty("EU", "9102", "4.5"),
  duty("EU", "", "4", { note: TYPICAL }),

  duty("GB", "0902", "0"),
  duty("GB", "3304", "0"),
  duty("GB", "4901", "0"),
  duty("GB", "61", "12"),
  duty("GB", "62", "12"),
  duty("GB", "6403", "8"),
  duty("GB", "8471", "0"),
  duty("GB", "8517", "0"),
  duty("GB", "", "4", { note: TYPICAL }),

  duty("US", "0902", "0", { note: "Unflavoured tea is free; flavoured green tea is 6.4%." }),
  duty("US", "4901", "0"),
  duty("US", "6109", "16.5", { note: "Cotton T-shirts (6109.10.00)." }),
  duty("US", "8471", "0"),
  duty("US", "8517", "0"),
  duty("US", "", "5", { note: `${TYPICAL} Additional tariffs by origin (Section 301/232, IEEPA) are not included.` }),

  duty("AU", "0902", "0"),
  duty("AU", "4901", "0"),
  duty("AU", "8471", "0"),
  duty("AU", "", "5", { note: TYPICAL }),

  duty("JP", "090210", "17", { note: "Green tea." }),
  duty("JP", "4901", "0"),
  duty("JP", "8471", "0"),
  duty("JP", "", "5", { note: TYPICAL }),

  duty("KR", "4901", "0"),
  duty("KR", "61", "13"),
  duty("KR", "62", "13"),
  duty("KR", "", "8", { note: TYPICAL }),

  duty("CN", "4901", "0"),
  duty("CN", "", "8", { note: TYPICAL }),

  duty("CA", "4901", "0"),
  duty("CA", "6109", "18"),
  duty("CA", "8471", "0"),
  duty("CA", "", "5", { note: TYPICAL }),

  duty("CH", "", "0", { validFrom: "2024-01-01", note: "Agricultural chapters 01-24 carry per-kg duties that are not modelled." }),

  duty("BR", "", "14", { validFrom: "2024-08-01", note: TYPICAL }),

  duty("IN", "4901", "0"),
  duty("IN", "", "22", { note: `${TYPICAL} 20% basic customs duty plus the 10% Social Welfare Surcharge on it.` }),

  duty("AE", "4901", "0"),
  duty("AE", "", "5"),

  duty("KW", "4901", "0"),
  duty("KW", "", "5"),

  duty("KE", "4901", "0"),
  duty("KE", "", "25", { validFrom: "2024-12-27", note: TYPICAL }),

  duty("MX", "", "15", { validFrom: "2025-08-15", note: TYPICAL }),

  duty("MA", "", "17.5", { validFrom: "2022-07-01", note: TYPICAL }),
];
