/**
 * VAT/GST rows outside the EU. Rates with a reduced book rate name it; markets whose
 * tax the store does not collect say so (`collected: false`) rather than pretend.
 */
import { vatRow, type VatRateRow } from "./vat-row";

export const OTHER_VAT_RATES: readonly VatRateRow[] = [
  vatRow("GB", "2020-05-01", { standard: "20", book: "0", ebook: "0" }, "HMRC VAT Notice 701/10 (printed and electronic publications zero-rated from 2020-05-01)"),
  vatRow("CH", "2018-01-01", { standard: "7.7", book: "2.5", ebook: "2.5" }, "Swiss Federal Tax Administration (ESTV): VAT rates 2018-2023", { validTo: "2024-01-01" }),
  vatRow("CH", "2024-01-01", { standard: "8.1", book: "2.6", ebook: "2.6" }, "Swiss Federal Tax Administration (ESTV): standard 8.1%, reduced 2.6% (books, incl. electronic) from 2024-01-01"),
  vatRow("US", "2016-01-01", { standard: "0" }, "No federal VAT; state and local sales taxes (marketplace facilitator laws) are not modelled", {
    collected: false,
  }),
  vatRow("AU", "2000-07-01", { standard: "10" }, "Australian Taxation Office: GST 10% (A New Tax System (Goods and Services Tax) Act 1999); books are not reduced"),
  vatRow("JP", "2019-10-01", { standard: "10" }, "National Tax Agency Japan: consumption tax 10% (7.8% national + 2.2% local) from 2019-10-01; the 8% rate covers food and newspapers only"),
  vatRow("KR", "2015-01-01", { standard: "10", book: "0" }, "Korea National Tax Service: VAT 10%; books exempt (VAT Act art. 26)", {
    note: "Electronic publications registered under the Publishing Industry Promotion Act may also be exempt; e-books are charged the standard rate here.",
  }),
  vatRow("CN", "2019-04-01", { standard: "13", book: "9" }, "MOF/SAT/GACC Announcement 2019 No. 39: VAT 13%, books 9% from 2019-04-01", {
    digitalCollected: false,
    note: "No registration scheme for non-resident B2C digital suppliers; digital supplies are not charged.",
  }),
  vatRow("CA", "2008-01-01", { standard: "5" }, "Canada Revenue Agency: GST 5% (Excise Tax Act); non-resident digital suppliers register since 2021-07-01", {
    partial: true,
    note: "Provincial HST/PST/QST depends on the province and is not included.",
  }),
  vatRow("BR", "2024-08-01", { standard: "0" }, "Domestic and digital ICMS, ISS, PIS/COFINS are not modelled; imports use the Remessa Conforme ICMS rule", {
    collected: false,
  }),
  vatRow("IN", "2017-07-01", { standard: "18", book: "0" }, "CBIC GST rate notifications (1/2017 and 2/2017-Integrated Tax (Rate)): standard slab 18%, printed books (HSN 4901) nil; OIDAR services 18%"),
  vatRow("AE", "2018-01-01", { standard: "5" }, "UAE Federal Tax Authority: VAT 5% (Federal Decree-Law No. 8 of 2017)"),
  vatRow("KW", "2016-01-01", { standard: "0" }, "Kuwait has not implemented VAT (the GCC VAT framework is not enacted)"),
  vatRow("KE", "2013-09-02", { standard: "16" }, "Kenya Revenue Authority: VAT Act 2013, standard rate 16%; digital marketplace supplies taxable"),
  vatRow("MX", "2020-06-01", { standard: "16", book: "0" }, "SAT: Ley del IVA art. 1 (16%) and art. 2-A (0% on books); non-resident digital services regime from 2020-06-01", {
    note: "E-books may qualify for 0%; charged the standard rate here.",
  }),
  vatRow("MA", "2022-07-01", { standard: "20" }, "Direction Générale des Impôts, Code Général des Impôts art. 98 (20%)", {
    validTo: "2024-01-01",
    digitalCollected: false,
  }),
  vatRow("MA", "2024-01-01", { standard: "20" }, "Direction Générale des Impôts, Code Général des Impôts art. 98 (20%); digital services by non-residents taxable from 2024-01-01 (Finance Law 2024)"),
];
