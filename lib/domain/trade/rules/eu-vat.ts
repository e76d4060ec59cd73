/**
 * VAT rates of the 27 EU member states from 2024-01-01: standard rate, printed books,
 * e-books. Earlier periods are not modelled (a quote dated before 2024 fails with
 * NO_RULE_IN_EFFECT rather than guessing). Each change of rate is a new row, so a quote
 * for the day before and the day after a change differ as the law does.
 *
 * Sources: the European Commission's Taxes in Europe Database (TEDB) for the rates in
 * force, and the national sources named on rows that changed since 2024.
 */
import { vatRow, type VatRateRow } from "./vat-row";

const TEDB = "European Commission, Taxes in Europe Database (TEDB): VAT rates applied in the Member States";
const FROM = "2024-01-01";

export const EU_VAT_RATES: readonly VatRateRow[] = [
  vatRow("AT", FROM, { standard: "20", book: "10", ebook: "10" }, TEDB),
  vatRow("BE", FROM, { standard: "21", book: "6", ebook: "6" }, TEDB),
  vatRow("BG", FROM, { standard: "20", book: "9", ebook: "9" }, `${TEDB}; Bulgarian VAT Act art. 66a (9% for books on physical media or supplied electronically)`),
  vatRow("CY", FROM, { standard: "19", book: "3", ebook: "3" }, `${TEDB}; Cyprus VAT Law amendment in force 2023-07-21 (3% for books, newspapers and magazines, printed or electronic)`),
  vatRow("CZ", FROM, { standard: "21", book: "0", ebook: "0" }, `${TEDB}; Czech VAT Act as amended by the 2024 consolidation package (books incl. e-books exempt with right of deduction from 2024-01-01)`),
  vatRow("DE", FROM, { standard: "19", book: "7", ebook: "7" }, `${TEDB}; UStG s.12(2) and Annex 2`),
  vatRow("DK", FROM, { standard: "25" }, `${TEDB}; Danish VAT Act (single 25% rate)`, {
    note: "The 2026 Finance Bill (2025-08-29) proposes abolishing VAT on books; add a row once enacted with its date.",
  }),
  vatRow("EE", FROM, { standard: "22", book: "9", ebook: "9" }, `${TEDB}; Estonian Tax and Customs Board`, { validTo: "2025-07-01" }),
  vatRow("EE", "2025-07-01", { standard: "24", book: "9", ebook: "9" }, "Estonian Tax and Customs Board: standard rate 24% from 2025-07-01; books 9%"),
  vatRow("ES", FROM, { standard: "21", book: "4", ebook: "4" }, TEDB),
  vatRow("FI", FROM, { standard: "24", book: "10", ebook: "10" }, "Finnish Tax Administration (vero.fi), Rates of VAT", { validTo: "2024-09-01" }),
  vatRow("FI", "2024-09-01", { standard: "25.5", book: "10", ebook: "10" }, "Finnish Tax Administration (vero.fi): general rate 25.5% from 2024-09-01", { validTo: "2025-01-01" }),
  vatRow("FI", "2025-01-01", { standard: "25.5", book: "14", ebook: "14" }, "Finnish Tax Administration (vero.fi): books (printed and electronic) moved from 10% to 14% on 2025-01-01", { validTo: "2026-01-01" }),
  vatRow("FI", "2026-01-01", { standard: "25.5", book: "13.5", ebook: "13.5" }, "Finnish Tax Administration (vero.fi): reduced rate 14% lowered to 13.5% from 2026-01-01 (books included)"),
  vatRow("FR", FROM, { standard: "20", book: "5.5", ebook: "5.5" }, `${TEDB}; CGI art. 278-0 bis`),
  vatRow("GR", FROM, { standard: "24", book: "6", ebook: "6" }, `${TEDB}; e-books at 6% since 2021-07-18`),
  vatRow("HR", FROM, { standard: "25", book: "5", ebook: "5" }, TEDB),
  vatRow("HU", FROM, { standard: "27", book: "5", ebook: "5" }, TEDB),
  vatRow("IE", FROM, { standard: "23", book: "0", ebook: "0" }, `${TEDB}; Irish Revenue: e-books and audiobooks zero-rated from 2024-01-01 (Budget 2024)`),
  vatRow("IT", FROM, { standard: "22", book: "4", ebook: "4" }, TEDB),
  vatRow("LT", FROM, { standard: "21", book: "9", ebook: "9" }, TEDB, { validTo: "2026-01-01" }),
  vatRow("LT", "2026-01-01", { standard: "21", book: "5", ebook: "5" }, "Lithuanian Law XV-287 amending VAT Law art. 19: printed and electronic books moved from 9% to 5% on 2026-01-01"),
  vatRow("LU", FROM, { standard: "17", book: "3", ebook: "3" }, `${TEDB}; the temporary 16% standard rate of 2023 ended 2023-12-31`),
  vatRow("LV", FROM, { standard: "21", book: "5", ebook: "5" }, `${TEDB}; Latvian VAT Law (5% for printed and electronic books since 2022)`, {
    note: "From 2026-01-01 the 5% rate needs the publication to be in Latvian, an EU/EEA/OECD official language or another listed language; other languages are standard-rated.",
  }),
  vatRow("MT", FROM, { standard: "18", book: "5", ebook: "5" }, TEDB),
  vatRow("NL", FROM, { standard: "21", book: "9", ebook: "9" }, `${TEDB}; the planned 2026 increase on books to 21% was withdrawn (2024-11)`),
  vatRow("PL", FROM, { standard: "23", book: "5", ebook: "5" }, TEDB),
  vatRow("PT", FROM, { standard: "23", book: "6", ebook: "6" }, `${TEDB}; mainland rates (Azores and Madeira differ, not modelled)`),
  vatRow("RO", FROM, { standard: "19", book: "5", ebook: "5" }, TEDB, { validTo: "2025-08-01" }),
  vatRow("RO", "2025-08-01", { standard: "21", book: "11", ebook: "11" }, "Romanian Law 141/2025 on fiscal-budgetary measures: standard 21%, single reduced rate 11% (books incl. electronic) from 2025-08-01"),
  vatRow("SE", FROM, { standard: "25", book: "6", ebook: "6" }, TEDB),
  vatRow("SI", FROM, { standard: "22", book: "5", ebook: "5" }, TEDB),
  vatRow("SK", FROM, { standard: "20", book: "10" }, `${TEDB}; e-books standard-rated until 2024-12-31`, { validTo: "2025-01-01" }),
  vatRow("SK", "2025-01-01", { standard: "23", book: "5", ebook: "5" }, "Slovak VAT Act as amended for 2025 (consolidation package): standard 23%, books and e-books 5% from 2025-01-01"),
];
