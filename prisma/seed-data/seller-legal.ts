/**
 * The demo sellers' legal identity and return terms, as a contract names them: the
 * registered name, the postal address, whether they sell as a trader, and their return
 * policy (days from delivery, who pays return shipping). Fictitious businesses.
 */
export interface SellerLegal {
  legalName: string;
  address: string[];
  trader: boolean;
  returnDays: number;
  returnShippingPaidBy: "BUYER" | "SELLER";
}

export const SELLER_LEGAL: Record<string, SellerLegal> = {
  sel_jp_kyoto_tea: { legalName: "Ujigawa Chaho Co., Ltd. (株式会社宇治川茶舗)", address: ["1-2 Ujibashi-dori", "Uji, Kyoto 611-0021", "Japan"], trader: true, returnDays: 14, returnShippingPaidBy: "BUYER" },
  sel_de_solingen_knives: { legalName: "Messerschmiede Hollerbach GmbH", address: ["Klingenstraße 12", "42651 Solingen", "Germany"], trader: true, returnDays: 30, returnShippingPaidBy: "SELLER" },
  sel_ke_kirinyaga_coffee: { legalName: "Kirinyaga Highlands Roasters Ltd.", address: ["Kutus Road 4", "Kerugoya 10300", "Kenya"], trader: true, returnDays: 14, returnShippingPaidBy: "BUYER" },
  sel_br_mantiqueira_cafe: { legalName: "Armazém da Mantiqueira Comércio Ltda.", address: ["Rua do Café, 88", "Carmo de Minas - MG, 37472-000", "Brazil"], trader: true, returnDays: 7, returnShippingPaidBy: "BUYER" },
  sel_in_jaipur_textiles: { legalName: "Neelgar Block Prints Pvt. Ltd.", address: ["22 Sanganer Road", "Jaipur 302029", "India"], trader: true, returnDays: 14, returnShippingPaidBy: "BUYER" },
  sel_mx_oaxaca_taller: { legalName: "Taller Tierra de Oaxaca S.C. de R.L.", address: ["Calle Benito Juárez 15", "San Bartolo Coyotepec, Oax. 71256", "Mexico"], trader: true, returnDays: 30, returnShippingPaidBy: "BUYER" },
  sel_us_portland_software: { legalName: "Quietwater Software LLC", address: ["410 NW 10th Ave", "Portland, OR 97209", "United States"], trader: true, returnDays: 30, returnShippingPaidBy: "SELLER" },
  sel_gb_wychwood_garden: { legalName: "Wychwood Garden Co. Ltd", address: ["3 Forest Lane", "Charlbury OX7 3PH", "United Kingdom"], trader: true, returnDays: 30, returnShippingPaidBy: "BUYER" },
  sel_fr_provence_atelier: { legalName: "Atelier Lavande & Lin SARL", address: ["14 chemin des Lavandes", "84220 Gordes", "France"], trader: true, returnDays: 30, returnShippingPaidBy: "BUYER" },
  sel_cn_hangzhou_tea: { legalName: "Hangzhou Qingshan Tea House Co., Ltd. (杭州青山茶舍有限公司)", address: ["Longjing Road 18", "Xihu District, Hangzhou 310013", "China"], trader: true, returnDays: 7, returnShippingPaidBy: "BUYER" },
  sel_ma_essaouira_argan: { legalName: "Coopérative Dar Argane", address: ["Route d'Agadir km 12", "Essaouira 44000", "Morocco"], trader: true, returnDays: 14, returnShippingPaidBy: "BUYER" },
};
