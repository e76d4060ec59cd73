/**
 * The words generated listings are written with, in all eight store locales. Every
 * entry is one string "en|de|fr|es|ja|zh-CN|ar|pt-BR" so a row reads as one term
 * across languages. Qualities and materials are phrases that need no agreement with
 * the noun they follow (German predicative, French "en ...", Arabic noun phrases),
 * so any combination within a category is grammatical.
 */
import { LOCALES, type Locale } from "@/lib/domain/markets";

export type Term = Record<Locale, string>;

export function term(line: string): Term {
  const parts = line.split("|");
  if (parts.length !== LOCALES.length) throw new Error(`Term needs ${LOCALES.length} forms: ${line}`);
  return Object.fromEntries(LOCALES.map((l, i) => [l, parts[i]!.trim()])) as Term;
}

export interface Noun {
  name: Term;
  /** HS code of the goods (physical categories), or of a material (`hsByMaterial`). */
  hsCode?: string;
  hsByMaterial?: Record<string, string>;
  /** Keys into the category's materials; empty for goods named without one. */
  materials: string[];
  /** Price range in EUR, converted to the seller's currency. */
  eur: [number, number];
  grams?: [number, number];
  /** Typical parcel size in millimetres (length, width, height). */
  mm?: [number, number, number];
}

export interface CategoryWords {
  categoryId: string;
  /** A short code for SKUs. */
  code: string;
  kind: "PHYSICAL" | "DIGITAL";
  taxCategory: "STANDARD" | "BOOK" | "EBOOK";
  nouns: Noun[];
  materials: Record<string, Term>;
  qualities: Term[];
  /** English puts the quality after the noun ("Cookbook: Revised Edition") rather than before it. */
  qualityAfter?: boolean;
  /** One sentence about the goods, per locale. */
  about: Term;
  /** Variant option sets: labels and price multipliers. */
  options: { name: Term; factor: number }[];
}

const Q = {
  organic: term("Organic|aus biologischem Anbau|bio|de cultivo ecológico|有機栽培|有机|إنتاج عضوي|de cultivo orgânico"),
  handPicked: term("Hand-picked|handverlesen|cueilli à la main|recolectado a mano|手摘み|手工采摘|قطف يدوي|colhido à mão"),
  fairTrade: term("Fair Trade|aus fairem Handel|commerce équitable|comercio justo|フェアトレード|公平贸易|تجارة عادلة|comércio justo"),
  freshRoast: term("Fresh Roast|frisch geröstet|torréfaction fraîche|tueste reciente|焙煎したて|新鲜烘焙|تحميص طازج|torra fresca"),
  smallBatch: term("Small-Batch|in kleinen Mengen hergestellt|petite série|producción pequeña|少量生産|小批量|دفعات صغيرة|pequenos lotes"),
  premium: term("Premium|Premiumqualität|qualité supérieure|calidad premium|高級|优质|جودة ممتازة|qualidade premium"),
  limited: term("Limited Edition|limitierte Auflage|édition limitée|edición limitada|限定品|限量版|إصدار محدود|edição limitada"),
  handmade: term("Handmade|handgefertigt|fait main|hecho a mano|手作り|手工|صناعة يدوية|feito à mão"),
  handForged: term("Hand-forged|handgeschmiedet|forgé à la main|forjado a mano|手打ち|手工锻造|حدادة يدوية|forjado à mão"),
  traditional: term("Traditional|nach traditioneller Art|de tradition|de estilo tradicional|伝統製法|传统工艺|طراز تقليدي|estilo tradicional"),
  handWoven: term("Hand-woven|handgewebt|tissé main|tejido a mano|手織り|手织|نسيج يدوي|tecido à mão"),
  naturalDye: term("Naturally Dyed|naturgefärbt|teinture naturelle|tinte natural|草木染め|植物染色|صبغة طبيعية|tingimento natural"),
  wheelThrown: term("Wheel-thrown|auf der Scheibe gedreht|tournage à la main|torneado a mano|ろくろ成形|手工拉坯|تشكيل على الدولاب|torneado à mão"),
  coldProcess: term("Cold-process|kaltgerührt|saponification à froid|elaborado en frío|コールドプロセス|冷制工艺|تصنيع على البارد|processado a frio"),
  heirloom: term("Heirloom|samenfest|variété ancienne|variedad tradicional|固定種|传统品种|أصناف تراثية|variedade crioula"),
  handPacked: term("Hand-packed|von Hand abgepackt|conditionnement manuel|envasado a mano|手詰め|手工分装|تعبئة يدوية|embalado à mão"),
  newRelease: term("New Release|Neuerscheinung|nouveauté|novedad|新刊|新品|إصدار جديد|lançamento"),
  revised: term("Revised Edition|überarbeitete Ausgabe|édition revue|edición revisada|改訂版|修订版|طبعة منقحة|edição revisada"),
  illustrated: term("Illustrated Edition|illustrierte Ausgabe|édition illustrée|edición ilustrada|図版入り|插图版|طبعة مصورة|edição ilustrada"),
  bilingual: term("Bilingual Edition|zweisprachige Ausgabe|édition bilingue|edición bilingüe|対訳版|双语版|طبعة ثنائية اللغة|edição bilíngue"),
  signed: term("Signed Edition|signierte Ausgabe|édition signée|edición firmada|サイン本|签名版|نسخة موقعة|edição autografada"),
  firstEdition: term("First Edition|Erstausgabe|première édition|primera edición|初版|初版|الطبعة الأولى|primeira edição"),
  complete: term("Complete Edition|Gesamtausgabe|édition intégrale|edición completa|完全版|完整版|طبعة كاملة|edição completa"),
  lifetime: term("Lifetime Licence|lebenslange Lizenz|licence à vie|licencia de por vida|永久ライセンス|永久许可|ترخيص دائم|licença vitalícia"),
  version3: term("Version 3|Version 3|version 3|versión 3|バージョン3|3.0版|الإصدار 3|versão 3"),
  crossPlatform: term("for macOS and Windows|für macOS und Windows|pour macOS et Windows|para macOS y Windows|macOS・Windows対応|支持macOS和Windows|لنظامي macOS وWindows|para macOS e Windows"),
  remastered: term("Remastered|remastert|remasterisé|remasterizado|リマスター|重制版|نسخة محسّنة|remasterizado"),
  hiRes: term("Hi-Res Audio|Hi-Res-Audio|audio haute résolution|audio de alta resolución|ハイレゾ|高解析音频|صوت عالي الدقة|áudio de alta resolução"),
};

const M = {
  damascus: term("Damascus Steel|aus Damaszenerstahl|en acier damassé|de acero damasco|ダマスカス鋼|大马士革钢|من الفولاذ الدمشقي|de aço damasco"),
  carbon: term("Carbon Steel|aus Carbonstahl|en acier carbone|de acero al carbono|炭素鋼|碳钢|من الفولاذ الكربوني|de aço carbono"),
  stainless: term("Stainless Steel|aus rostfreiem Stahl|en acier inoxydable|de acero inoxidable|ステンレス|不锈钢|من الفولاذ المقاوم للصدأ|de aço inoxidável"),
  olive: term("Olive Wood|aus Olivenholz|en bois d'olivier|de madera de olivo|オリーブ材|橄榄木|من خشب الزيتون|de madeira de oliveira"),
  walnut: term("Walnut|aus Walnussholz|en noyer|de nogal|ウォールナット|胡桃木|من خشب الجوز|de nogueira"),
  bamboo: term("Bamboo|aus Bambus|en bambou|de bambú|竹|竹|من الخيزران|de bambu"),
  stoneware: term("Stoneware|aus Steinzeug|en grès|de gres|陶器|陶|من الفخار الحجري|de grés"),
  porcelain: term("Porcelain|aus Porzellan|en porcelaine|de porcelana|磁器|瓷|من البورسلين|de porcelana"),
  stone: term("Natural Stone|aus Naturstein|en pierre naturelle|de piedra natural|天然石|天然石|من الحجر الطبيعي|de pedra natural"),
  cotton: term("Cotton|aus Baumwolle|en coton|de algodón|綿|棉|من القطن|de algodão"),
  silk: term("Silk|aus Seide|en soie|de seda|絹|丝绸|من الحرير|de seda"),
  linen: term("Linen|aus Leinen|en lin|de lino|麻|亚麻|من الكتان|de linho"),
  wool: term("Wool|aus Wolle|en laine|de lana|ウール|羊毛|من الصوف|de lã"),
  brass: term("Brass|aus Messing|en laiton|de latón|真鍮|黄铜|من النحاس الأصفر|de latão"),
  copper: term("Copper|aus Kupfer|en cuivre|de cobre|銅|铜|من النحاس|de cobre"),
  leather: term("Leather|aus Leder|en cuir|de cuero|革|皮革|من الجلد|de couro"),
  rattan: term("Rattan|aus Rattan|en rotin|de ratán|籐|藤|من الروطان|de rattan"),
  lavender: term("Lavender|mit Lavendel|à la lavande|de lavanda|ラベンダー|薰衣草|باللافندر|de lavanda"),
  argan: term("Argan|mit Arganöl|à l'huile d'argan|con aceite de argán|アルガン|摩洛哥坚果油|بزيت الأركان|com óleo de argan"),
  shea: term("Shea Butter|mit Sheabutter|au beurre de karité|con manteca de karité|シアバター|乳木果|بزبدة الشيا|com manteiga de karité"),
  rose: term("Rose|mit Rose|à la rose|de rosa|ローズ|玫瑰|بالورد|de rosa"),
  sandalwood: term("Sandalwood|mit Sandelholz|au santal|de sándalo|白檀|檀香|بخشب الصندل|de sândalo"),
  yuzu: term("Yuzu|mit Yuzu|au yuzu|de yuzu|柚子|柚子|باليوزو|de yuzu"),
  tomato: term("Tomato|für Tomaten|de tomate|de tomate|トマト|番茄|للطماطم|de tomate"),
  basil: term("Basil|für Basilikum|de basilic|de albahaca|バジル|罗勒|للريحان|de manjericão"),
  chili: term("Chili|für Chili|de piment|de chile|唐辛子|辣椒|للفلفل الحار|de pimenta"),
  sunflower: term("Sunflower|für Sonnenblumen|de tournesol|de girasol|ひまわり|向日葵|لعباد الشمس|de girassol"),
  cookery: term("Cookery|zur Küche|de cuisine|de cocina|料理|烹饪|عن الطبخ|de culinária"),
  travel: term("Travel|zum Reisen|de voyage|de viajes|旅|旅行|عن السفر|de viagem"),
  gardening: term("Gardening|zum Gärtnern|de jardinage|de jardinería|園芸|园艺|عن البستنة|de jardinagem"),
  crafting: term("Crafts|zum Handwerk|d'artisanat|de artesanía|手仕事|手工艺|عن الحرف|de artesanato"),
  jazz: term("Jazz|(Jazz)|(jazz)|(jazz)|ジャズ|爵士|(جاز)|(jazz)"),
  folk: term("Folk|(Folk)|(folk)|(folk)|フォーク|民谣|(فولك)|(folk)"),
  ambient: term("Ambient|(Ambient)|(ambient)|(ambient)|アンビエント|氛围|(أمبيانت)|(ambient)"),
  classical: term("Classical|(Klassik)|(classique)|(clásica)|クラシック|古典|(كلاسيكي)|(clássica)"),
  bossa: term("Bossa Nova|(Bossa Nova)|(bossa nova)|(bossa nova)|ボサノバ|波萨诺瓦|(بوسا نوفا)|(bossa nova)"),
};

const WEIGHTS = [
  { name: term("50 g|50 g|50 g|50 g|50g|50克|50 غ|50 g"), factor: 0.6 },
  { name: term("100 g|100 g|100 g|100 g|100g|100克|100 غ|100 g"), factor: 1 },
  { name: term("250 g|250 g|250 g|250 g|250g|250克|250 غ|250 g"), factor: 2.2 },
];
const SIZES = [
  { name: term("Small|Klein|Petit|Pequeño|小|小号|صغير|Pequeno"), factor: 0.85 },
  { name: term("Medium|Mittel|Moyen|Mediano|中|中号|متوسط|Médio"), factor: 1 },
  { name: term("Large|Groß|Grand|Grande|大|大号|كبير|Grande"), factor: 1.25 },
];
const COLOURS = [
  { name: term("Natural|Natur|Naturel|Natural|ナチュラル|原色|طبيعي|Natural"), factor: 1 },
  { name: term("Indigo|Indigo|Indigo|Índigo|藍|靛蓝|نيلي|Índigo"), factor: 1.05 },
  { name: term("Black|Schwarz|Noir|Negro|黒|黑色|أسود|Preto"), factor: 1.05 },
];

export const CATEGORY_WORDS: CategoryWords[] = [
  {
    categoryId: "cat_coffee_tea",
    code: "TEA",
    kind: "PHYSICAL",
    taxCategory: "STANDARD",
    materials: {},
    nouns: [
      { name: term("Green Tea|Grüntee|Thé vert|Té verde|緑茶|绿茶|شاي أخضر|Chá verde"), hsCode: "090210", materials: [], eur: [8, 40], grams: [60, 300], mm: [170, 110, 45] },
      { name: term("Sencha Green Tea|Grüntee Sencha|Thé vert sencha|Té verde sencha|煎茶|煎茶|شاي سنشا الأخضر|Chá verde sencha"), hsCode: "090210", materials: [], eur: [9, 35], grams: [60, 300], mm: [170, 110, 45] },
      { name: term("Matcha|Matcha|Matcha|Matcha|抹茶|抹茶|ماتشا|Matcha"), hsCode: "090210", materials: [], eur: [14, 60], grams: [40, 120], mm: [80, 80, 80] },
      { name: term("Black Tea|Schwarztee|Thé noir|Té negro|紅茶|红茶|شاي أسود|Chá preto"), hsCode: "090230", materials: [], eur: [6, 30], grams: [80, 300], mm: [170, 110, 45] },
      { name: term("Oolong Tea|Oolong-Tee|Thé oolong|Té oolong|烏龍茶|乌龙茶|شاي أولونغ|Chá oolong"), hsCode: "090230", materials: [], eur: [10, 45], grams: [60, 250], mm: [170, 110, 45] },
      { name: term("Coffee Beans|Kaffeebohnen|Café en grains|Café en grano|コーヒー豆|咖啡豆|حبوب القهوة|Café em grãos"), hsCode: "090121", materials: [], eur: [9, 32], grams: [250, 1050], mm: [200, 120, 70] },
      { name: term("Ground Coffee|gemahlener Kaffee|Café moulu|Café molido|挽いたコーヒー|咖啡粉|قهوة مطحونة|Café moído"), hsCode: "090121", materials: [], eur: [8, 28], grams: [250, 550], mm: [190, 110, 60] },
      { name: term("Green Coffee|Rohkaffee|Café vert|Café verde|コーヒー生豆|咖啡生豆|بن أخضر|Café verde"), hsCode: "090111", materials: [], eur: [7, 25], grams: [500, 1050], mm: [220, 140, 80] },
      { name: term("Drinking Chocolate|Trinkschokolade|Chocolat chaud|Chocolate para beber|ホットチョコレート|热巧克力|شوكولاتة ساخنة|Chocolate quente"), hsCode: "180690", materials: [], eur: [7, 22], grams: [200, 500], mm: [150, 100, 100] },
      { name: term("Chai Spice Blend|Chai-Gewürzmischung|Mélange d'épices chai|Mezcla de especias chai|チャイスパイス|印度奶茶香料|خلطة بهارات الشاي|Mistura de especiarias chai"), hsCode: "091091", materials: [], eur: [5, 18], grams: [80, 250], mm: [150, 90, 40] },
    ],
    qualities: [Q.organic, Q.handPicked, Q.fairTrade, Q.freshRoast, Q.smallBatch, Q.premium, Q.limited],
    about: term(
      "Packed fresh in a resealable pouch and shipped soon after packing.|Frisch im wiederverschließbaren Beutel abgepackt und kurz danach versandt.|Conditionné frais en sachet refermable et expédié peu après.|Envasado fresco en bolsa resellable y enviado poco después.|鮮度を保つチャック付き袋に詰め、詰めたてを発送します。|新鲜装入可重复密封袋，包装后尽快发货。|معبأ طازجًا في كيس قابل لإعادة الإغلاق ويُشحن بعد التعبئة بوقت قصير.|Embalado fresco em pacote com fecho e enviado logo depois.",
    ),
    options: WEIGHTS,
  },
  {
    categoryId: "cat_kitchen",
    code: "KIT",
    kind: "PHYSICAL",
    taxCategory: "STANDARD",
    materials: { damascus: M.damascus, carbon: M.carbon, stainless: M.stainless, olive: M.olive, walnut: M.walnut, bamboo: M.bamboo, stone: M.stone, stoneware: M.stoneware },
    nouns: [
      { name: term("Chef's Knife|Kochmesser|Couteau de chef|Cuchillo de chef|牛刀|厨师刀|سكين الطاهي|Faca de chef"), hsCode: "821191", materials: ["damascus", "carbon", "stainless"], eur: [60, 260], grams: [180, 320], mm: [360, 70, 30] },
      { name: term("Santoku Knife|Santokumesser|Couteau santoku|Cuchillo santoku|三徳包丁|三德刀|سكين سانتوكو|Faca santoku"), hsCode: "821191", materials: ["damascus", "carbon", "stainless"], eur: [55, 220], grams: [160, 280], mm: [340, 70, 30] },
      { name: term("Kitchen Knife|Küchenmesser|Couteau de cuisine|Cuchillo de cocina|包丁|菜刀|سكين مطبخ|Faca de cozinha"), hsCode: "821191", materials: ["damascus", "carbon", "stainless"], eur: [35, 180], grams: [140, 300], mm: [340, 70, 30] },
      { name: term("Bread Knife|Brotmesser|Couteau à pain|Cuchillo de pan|パン切り包丁|面包刀|سكين الخبز|Faca de pão"), hsCode: "821191", materials: ["carbon", "stainless"], eur: [40, 150], grams: [150, 260], mm: [400, 70, 30] },
      { name: term("Paring Knife|Schälmesser|Couteau d'office|Cuchillo mondador|ペティナイフ|水果刀|سكين تقشير|Faca de legumes"), hsCode: "821192", materials: ["carbon", "stainless"], eur: [20, 90], grams: [50, 120], mm: [240, 50, 25] },
      { name: term("Cutting Board|Schneidebrett|Planche à découper|Tabla de cortar|まな板|砧板|لوح تقطيع|Tábua de corte"), hsCode: "441990", materials: ["olive", "walnut", "bamboo"], eur: [25, 95], grams: [600, 2200], mm: [420, 280, 30] },
      { name: term("Whetstone|Schleifstein|Pierre à aiguiser|Piedra de afilar|砥石|磨刀石|حجر شحذ|Pedra de amolar"), hsCode: "680430", materials: [], eur: [25, 90], grams: [400, 1000], mm: [220, 90, 50] },
      { name: term("Mortar and Pestle|Mörser mit Stößel|Mortier et pilon|Mortero|すり鉢|研钵|هاون ومدقة|Pilão"), hsCode: "680299", materials: ["stone"], eur: [25, 80], grams: [1200, 3500], mm: [200, 200, 150] },
      { name: term("Serving Bowl|Servierschale|Saladier|Ensaladera|盛り鉢|餐碗|وعاء تقديم|Tigela de servir"), hsCode: "691200", materials: ["stoneware"], eur: [18, 70], grams: [500, 1400], mm: [260, 260, 120] },
      { name: term("Saffron|Safran|Safran|Azafrán|サフラン|藏红花|زعفران|Açafrão"), hsCode: "091020", materials: [], eur: [9, 40], grams: [20, 60], mm: [100, 70, 30] },
      { name: term("Vanilla Pods|Vanilleschoten|Gousses de vanille|Vainas de vainilla|バニラビーンズ|香草荚|قرون الفانيليا|Favas de baunilha"), hsCode: "090510", materials: [], eur: [8, 35], grams: [20, 80], mm: [200, 50, 20] },
      { name: term("Spice Set|Gewürzset|Coffret d'épices|Set de especias|スパイスセット|香料套装|طقم بهارات|Kit de especiarias"), hsCode: "091099", materials: [], eur: [14, 45], grams: [200, 600], mm: [240, 160, 60] },
    ],
    qualities: [Q.handmade, Q.handForged, Q.traditional, Q.premium, Q.smallBatch],
    about: term(
      "Made for everyday cooking and built to last for years with a little care.|Für die tägliche Küche gemacht und bei etwas Pflege jahrelang haltbar.|Conçu pour la cuisine de tous les jours et durable avec un peu d'entretien.|Pensado para la cocina diaria y duradero con un poco de cuidado.|毎日の料理のために作られ、少しの手入れで長く使えます。|为日常烹饪而制，稍加保养即可经久耐用。|مصنوع للطبخ اليومي ويدوم لسنوات مع قليل من العناية.|Feito para a cozinha do dia a dia e durável com um pouco de cuidado.",
    ),
    options: SIZES,
  },
  {
    categoryId: "cat_textiles",
    code: "TEX",
    kind: "PHYSICAL",
    taxCategory: "STANDARD",
    materials: { cotton: M.cotton, silk: M.silk, linen: M.linen, wool: M.wool, leather: M.leather },
    nouns: [
      { name: term("Scarf|Schal|Écharpe|Bufanda|スカーフ|围巾|وشاح|Echarpe"), hsByMaterial: { silk: "621410", cotton: "621490", linen: "621490" }, materials: ["silk", "cotton", "linen"], eur: [20, 120], grams: [60, 200], mm: [250, 180, 20] },
      { name: term("Tablecloth|Tischdecke|Nappe|Mantel|テーブルクロス|桌布|مفرش طاولة|Toalha de mesa"), hsCode: "630259", materials: ["linen", "cotton"], eur: [30, 140], grams: [400, 1100], mm: [350, 260, 40] },
      { name: term("T-Shirt|T-Shirt|T-shirt|Camiseta|Tシャツ|T恤|قميص قطني|Camiseta"), hsCode: "610910", materials: ["cotton"], eur: [18, 55], grams: [150, 260], mm: [300, 220, 20] },
      { name: term("Dress|Kleid|Robe|Vestido|ワンピース|连衣裙|فستان|Vestido"), hsCode: "620442", materials: ["cotton"], eur: [45, 180], grams: [250, 500], mm: [350, 260, 40] },
      { name: term("Bedspread|Tagesdecke|Couvre-lit|Colcha|ベッドカバー|床罩|غطاء سرير|Colcha"), hsCode: "630419", materials: ["cotton", "linen"], eur: [60, 220], grams: [900, 2200], mm: [400, 320, 80] },
      { name: term("Cushion Cover|Kissenbezug|Housse de coussin|Funda de cojín|クッションカバー|靠垫套|غطاء وسادة|Capa de almofada"), hsCode: "630790", materials: ["cotton", "linen", "wool"], eur: [15, 60], grams: [120, 350], mm: [300, 250, 30] },
      { name: term("Tote Bag|Umhängetasche|Sac cabas|Bolso tote|トートバッグ|托特包|حقيبة يد|Bolsa tote"), hsCode: "420221", materials: ["leather"], eur: [60, 240], grams: [500, 1100], mm: [400, 320, 100] },
      { name: term("Sandals|Sandalen|Sandales|Sandalias|サンダル|凉鞋|صندل|Sandálias"), hsCode: "640359", materials: ["leather"], eur: [40, 140], grams: [400, 900], mm: [320, 200, 110] },
    ],
    qualities: [Q.handWoven, Q.naturalDye, Q.handmade, Q.organic, Q.limited],
    about: term(
      "Soft to the touch; wash gently by hand or on a delicate cycle.|Weich im Griff; sanft von Hand oder im Schonwaschgang waschen.|Doux au toucher ; laver délicatement à la main ou en cycle délicat.|Suave al tacto; lavar a mano o en ciclo delicado.|肌ざわりがやわらかく、手洗いまたはおしゃれ着コースで洗えます。|手感柔软，可手洗或用轻柔模式机洗。|ناعم الملمس؛ يُغسل برفق باليد أو على دورة لطيفة.|Macio ao toque; lavar à mão ou em ciclo delicado.",
    ),
    options: [
      { name: term("S|S|S|S|S|S|S|P"), factor: 1 },
      { name: term("M|M|M|M|M|M|M|M"), factor: 1 },
      { name: term("L|L|L|L|L|L|L|G"), factor: 1.05 },
    ],
  },
  {
    categoryId: "cat_home",
    code: "HOM",
    kind: "PHYSICAL",
    taxCategory: "STANDARD",
    materials: { wool: M.wool, cotton: M.cotton, bamboo: M.bamboo, rattan: M.rattan, brass: M.brass, copper: M.copper },
    nouns: [
      { name: term("Rug|Teppich|Tapis|Alfombra|ラグ|地毯|سجادة|Tapete"), hsCode: "570110", materials: ["wool"], eur: [180, 900], grams: [3000, 12000], mm: [900, 300, 300] },
      { name: term("Kilim|Kelim|Kilim|Kilim|キリム|基里姆地毯|كليم|Kilim"), hsCode: "570291", materials: ["wool"], eur: [120, 600], grams: [2000, 8000], mm: [800, 300, 250] },
      { name: term("Blanket|Decke|Couverture|Manta|ブランケット|毯子|بطانية|Manta"), hsCode: "630120", materials: ["wool"], eur: [60, 240], grams: [900, 2200], mm: [450, 350, 120] },
      { name: term("Cushion|Kissen|Coussin|Cojín|クッション|靠垫|وسادة|Almofada"), hsCode: "630790", materials: ["cotton", "wool"], eur: [25, 90], grams: [300, 900], mm: [450, 450, 150] },
      { name: term("Basket|Korb|Panier|Cesta|かご|篮子|سلة|Cesto"), hsCode: "460219", materials: ["bamboo", "rattan"], eur: [20, 110], grams: [300, 1500], mm: [400, 400, 350] },
      { name: term("Lantern|Laterne|Lanterne|Farol|ランタン|灯笼|فانوس|Lanterna"), hsCode: "940550", materials: ["brass", "copper"], eur: [35, 180], grams: [600, 2500], mm: [300, 250, 250] },
    ],
    qualities: [Q.handWoven, Q.handmade, Q.traditional, Q.naturalDye, Q.premium],
    about: term(
      "Brings warmth and character to a living room, bedroom or hallway.|Bringt Wärme und Charakter in Wohnzimmer, Schlafzimmer oder Flur.|Apporte chaleur et caractère au salon, à la chambre ou à l'entrée.|Aporta calidez y carácter al salón, al dormitorio o al recibidor.|リビングや寝室、玄関にぬくもりと個性を添えます。|为客厅、卧室或玄关增添温暖与个性。|يضفي الدفء والطابع المميز على غرفة المعيشة أو النوم أو المدخل.|Traz aconchego e personalidade à sala, ao quarto ou à entrada.",
    ),
    options: COLOURS,
  },
  {
    categoryId: "cat_crafts",
    code: "CRF",
    kind: "PHYSICAL",
    taxCategory: "STANDARD",
    materials: { stoneware: M.stoneware, porcelain: M.porcelain, stone: M.stone, brass: M.brass, copper: M.copper, bamboo: M.bamboo, rattan: M.rattan },
    nouns: [
      { name: term("Vase|Vase|Vase|Jarrón|花瓶|花瓶|مزهرية|Vaso"), hsCode: "691390", materials: ["stoneware", "porcelain"], eur: [25, 160], grams: [400, 1800], mm: [250, 200, 200] },
      { name: term("Tea Bowl|Teeschale|Bol à thé|Cuenco de té|茶碗|茶碗|وعاء شاي|Tigela de chá"), hsByMaterial: { stoneware: "691200", porcelain: "691110" }, materials: ["stoneware", "porcelain"], eur: [20, 120], grams: [250, 600], mm: [180, 180, 120] },
      { name: term("Teapot|Teekanne|Théière|Tetera|急須|茶壶|إبريق شاي|Bule"), hsByMaterial: { stoneware: "691200", porcelain: "691110" }, materials: ["stoneware", "porcelain"], eur: [30, 180], grams: [300, 900], mm: [220, 180, 150] },
      { name: term("Sculpture|Skulptur|Sculpture|Escultura|彫刻|雕塑|منحوتة|Escultura"), hsCode: "680299", materials: ["stone"], eur: [40, 300], grams: [500, 3000], mm: [250, 200, 200] },
      { name: term("Necklace|Halskette|Collier|Collar|ネックレス|项链|قلادة|Colar"), hsCode: "711790", materials: ["brass", "copper"], eur: [18, 90], grams: [30, 120], mm: [120, 90, 40] },
      { name: term("Calligraphy Brush|Kalligrafiepinsel|Pinceau de calligraphie|Pincel de caligrafía|書道筆|毛笔|فرشاة خط|Pincel de caligrafia"), hsCode: "960330", materials: ["bamboo"], eur: [10, 60], grams: [30, 100], mm: [300, 50, 30] },
      { name: term("Woven Tray|Geflochtenes Tablett|Plateau tressé|Bandeja tejida|編みトレイ|编织托盘|صينية مضفورة|Bandeja trançada"), hsCode: "460219", materials: ["rattan", "bamboo"], eur: [18, 70], grams: [200, 700], mm: [400, 300, 60] },
    ],
    qualities: [Q.handmade, Q.wheelThrown, Q.traditional, Q.limited, Q.smallBatch],
    about: term(
      "Each piece is made by hand, so shape and colour vary slightly.|Jedes Stück ist handgemacht, daher variieren Form und Farbe leicht.|Chaque pièce est faite à la main : forme et couleur varient légèrement.|Cada pieza está hecha a mano, por lo que la forma y el color varían ligeramente.|一点ずつ手作りのため、形や色合いが少しずつ異なります。|每件均为手工制作，形状和颜色略有差异。|كل قطعة مصنوعة يدويًا، لذا يختلف الشكل واللون قليلًا.|Cada peça é feita à mão, por isso forma e cor variam um pouco.",
    ),
    options: COLOURS,
  },
  {
    categoryId: "cat_beauty",
    code: "BEA",
    kind: "PHYSICAL",
    taxCategory: "STANDARD",
    materials: { lavender: M.lavender, argan: M.argan, shea: M.shea, rose: M.rose, sandalwood: M.sandalwood, yuzu: M.yuzu },
    nouns: [
      { name: term("Soap|Seife|Savon|Jabón|石鹸|香皂|صابون|Sabonete"), hsCode: "340111", materials: ["lavender", "argan", "shea", "rose", "yuzu"], eur: [5, 16], grams: [90, 300], mm: [100, 70, 40] },
      { name: term("Face Cream|Gesichtscreme|Crème visage|Crema facial|フェイスクリーム|面霜|كريم للوجه|Creme facial"), hsCode: "330499", materials: ["argan", "shea", "rose"], eur: [14, 55], grams: [80, 200], mm: [80, 80, 70] },
      { name: term("Body Lotion|Körperlotion|Lait corporel|Loción corporal|ボディローション|身体乳|لوشن للجسم|Loção corporal"), hsCode: "330499", materials: ["lavender", "shea", "yuzu"], eur: [10, 38], grams: [200, 450], mm: [180, 70, 50] },
      { name: term("Essential Oil|ätherisches Öl|Huile essentielle|Aceite esencial|エッセンシャルオイル|精油|زيت عطري|Óleo essencial"), hsCode: "330129", materials: ["lavender", "rose", "sandalwood", "yuzu"], eur: [8, 45], grams: [40, 120], mm: [90, 40, 40] },
      { name: term("Incense Sticks|Räucherstäbchen|Bâtonnets d'encens|Varillas de incienso|お香|线香|أعواد البخور|Incensos"), hsCode: "330741", materials: ["sandalwood", "rose", "lavender"], eur: [5, 25], grams: [40, 150], mm: [230, 50, 30] },
    ],
    qualities: [Q.coldProcess, Q.organic, Q.handmade, Q.smallBatch, Q.premium],
    about: term(
      "Made with natural ingredients, without synthetic fragrance.|Mit natürlichen Zutaten hergestellt, ohne synthetische Duftstoffe.|Fabriqué avec des ingrédients naturels, sans parfum de synthèse.|Elaborado con ingredientes naturales, sin fragancias sintéticas.|天然由来の原料で作り、合成香料は使っていません。|采用天然原料制成，不含合成香料。|مصنوع من مكونات طبيعية دون عطور صناعية.|Feito com ingredientes naturais, sem fragrância sintética.",
    ),
    options: [
      { name: term("50 ml|50 ml|50 ml|50 ml|50ml|50毫升|50 مل|50 ml"), factor: 0.6 },
      { name: term("100 ml|100 ml|100 ml|100 ml|100ml|100毫升|100 مل|100 ml"), factor: 1 },
      { name: term("250 ml|250 ml|250 ml|250 ml|250ml|250毫升|250 مل|250 ml"), factor: 2 },
    ],
  },
  {
    categoryId: "cat_books",
    code: "BOK",
    kind: "PHYSICAL",
    taxCategory: "BOOK",
    materials: { cookery: M.cookery, travel: M.travel, gardening: M.gardening, crafting: M.crafting },
    nouns: [
      { name: term("Cookbook|Kochbuch|Livre de cuisine|Libro de cocina|料理本|食谱|كتاب طبخ|Livro de receitas"), hsCode: "490199", materials: [], eur: [18, 45], grams: [500, 1400], mm: [260, 200, 30] },
      { name: term("Travel Guide|Reiseführer|Guide de voyage|Guía de viaje|旅行ガイド|旅游指南|دليل سفر|Guia de viagem"), hsCode: "490199", materials: [], eur: [14, 32], grams: [300, 700], mm: [210, 130, 25] },
      { name: term("Novel|Roman|Roman|Novela|小説|小说|رواية|Romance"), hsCode: "490199", materials: [], eur: [12, 28], grams: [250, 600], mm: [200, 130, 30] },
      { name: term("Field Guide|Bestimmungsbuch|Guide de terrain|Guía de campo|図鑑|野外指南|دليل ميداني|Guia de campo"), hsCode: "490199", materials: [], eur: [16, 38], grams: [350, 800], mm: [210, 140, 25] },
      { name: term("Handbook|Handbuch|Manuel|Manual|入門書|手册|كتيّب|Manual"), hsCode: "490199", materials: ["cookery", "travel", "gardening", "crafting"], eur: [14, 36], grams: [300, 800], mm: [230, 160, 25] },
      { name: term("Poetry Collection|Gedichtband|Recueil de poèmes|Poemario|詩集|诗集|ديوان شعر|Coletânea de poemas"), hsCode: "490199", materials: [], eur: [12, 26], grams: [200, 450], mm: [200, 130, 20] },
    ],
    qualities: [Q.newRelease, Q.revised, Q.illustrated, Q.bilingual, Q.signed, Q.firstEdition],
    qualityAfter: true,
    about: term(
      "A printed book, carefully bound and shipped in protective packaging.|Ein gedrucktes Buch, sorgfältig gebunden und geschützt verpackt versandt.|Un livre imprimé, soigneusement relié et expédié dans un emballage protecteur.|Un libro impreso, cuidadosamente encuadernado y enviado con embalaje protector.|丁寧に製本された紙の本を、保護梱包でお届けします。|精心装订的纸质书，采用防护包装寄送。|كتاب مطبوع بتجليد متقن يُشحن في تغليف واقٍ.|Um livro impresso, bem encadernado e enviado em embalagem protetora.",
    ),
    options: [
      { name: term("Paperback|Taschenbuch|Broché|Tapa blanda|ペーパーバック|平装|غلاف ورقي|Brochura"), factor: 1 },
      { name: term("Hardcover|gebundene Ausgabe|Relié|Tapa dura|ハードカバー|精装|غلاف مقوى|Capa dura"), factor: 1.5 },
    ],
  },
  {
    categoryId: "cat_ebooks",
    code: "EBK",
    kind: "DIGITAL",
    taxCategory: "EBOOK",
    materials: { cookery: M.cookery, travel: M.travel, gardening: M.gardening, crafting: M.crafting },
    nouns: [
      { name: term("Cookbook|Kochbuch|Livre de cuisine|Libro de cocina|料理本|食谱|كتاب طبخ|Livro de receitas"), materials: [], eur: [8, 20] },
      { name: term("Travel Guide|Reiseführer|Guide de voyage|Guía de viaje|旅行ガイド|旅游指南|دليل سفر|Guia de viagem"), materials: [], eur: [6, 16] },
      { name: term("Novel|Roman|Roman|Novela|小説|小说|رواية|Romance"), materials: [], eur: [4, 14] },
      { name: term("Language Course|Sprachkurs|Cours de langue|Curso de idiomas|語学講座|语言课程|دورة لغة|Curso de idiomas"), materials: [], eur: [9, 30] },
      { name: term("Handbook|Handbuch|Manuel|Manual|入門書|手册|كتيّب|Manual"), materials: ["cookery", "travel", "gardening", "crafting"], eur: [6, 18] },
    ],
    qualities: [Q.newRelease, Q.revised, Q.illustrated, Q.bilingual, Q.complete],
    qualityAfter: true,
    about: term(
      "Download right after purchase and read on any e-reader, tablet or phone.|Direkt nach dem Kauf herunterladen und auf jedem E-Reader, Tablet oder Smartphone lesen.|À télécharger dès l'achat et à lire sur liseuse, tablette ou téléphone.|Descárgalo justo después de la compra y léelo en cualquier lector, tableta o móvil.|購入後すぐにダウンロードでき、電子書籍リーダーやタブレット、スマートフォンで読めます。|购买后即可下载，可在任何电子阅读器、平板或手机上阅读。|حمّله فور الشراء واقرأه على أي قارئ إلكتروني أو جهاز لوحي أو هاتف.|Baixe logo após a compra e leia em qualquer leitor, tablet ou celular.",
    ),
    options: [
      { name: term("EPUB|EPUB|EPUB|EPUB|EPUB|EPUB|EPUB|EPUB"), factor: 1 },
      { name: term("PDF|PDF|PDF|PDF|PDF|PDF|PDF|PDF"), factor: 1 },
      { name: term("EPUB + PDF|EPUB + PDF|EPUB + PDF|EPUB + PDF|EPUB + PDF|EPUB + PDF|EPUB + PDF|EPUB + PDF"), factor: 1.3 },
    ],
  },
  {
    categoryId: "cat_software",
    code: "SW",
    kind: "DIGITAL",
    taxCategory: "STANDARD",
    materials: {},
    nouns: [
      { name: term("Photo Editor|Fotobearbeitung|Éditeur photo|Editor de fotos|写真編集ソフト|照片编辑软件|محرر صور|Editor de fotos"), materials: [], eur: [25, 150] },
      { name: term("Note-taking App|Notiz-App|Application de notes|Aplicación de notas|ノートアプリ|笔记应用|تطبيق ملاحظات|Aplicativo de notas"), materials: [], eur: [10, 60] },
      { name: term("Font Family|Schriftfamilie|Famille de polices|Familia tipográfica|フォントファミリー|字体家族|عائلة خطوط|Família tipográfica"), materials: [], eur: [30, 250] },
      { name: term("Budget Planner|Haushaltsplaner|Gestionnaire de budget|Planificador de presupuesto|家計簿ソフト|预算规划软件|مخطط ميزانية|Planejador de orçamento"), materials: [], eur: [10, 50] },
      { name: term("Password Manager|Passwort-Manager|Gestionnaire de mots de passe|Gestor de contraseñas|パスワード管理ソフト|密码管理器|مدير كلمات المرور|Gerenciador de senhas"), materials: [], eur: [15, 70] },
      { name: term("Music Notation App|Notensatzprogramm|Logiciel de notation musicale|Programa de notación musical|楽譜作成ソフト|乐谱软件|برنامج تدوين موسيقي|Programa de notação musical"), materials: [], eur: [30, 180] },
    ],
    qualities: [Q.lifetime, Q.version3, Q.newRelease, Q.crossPlatform],
    qualityAfter: true,
    about: term(
      "Delivered as a download with a licence key; updates for the current version are free.|Lieferung als Download mit Lizenzschlüssel; Updates der aktuellen Version sind kostenlos.|Livré en téléchargement avec une clé de licence ; les mises à jour de la version actuelle sont gratuites.|Se entrega como descarga con clave de licencia; las actualizaciones de la versión actual son gratuitas.|ライセンスキー付きのダウンロード版です。現行バージョンのアップデートは無料です。|以下载方式交付并附许可证密钥，当前版本的更新免费。|يُسلَّم كتنزيل مع مفتاح ترخيص، وتحديثات الإصدار الحالي مجانية.|Entregue como download com chave de licença; as atualizações da versão atual são gratuitas.",
    ),
    options: [
      { name: term("Personal|Privat|Personnelle|Personal|個人|个人版|شخصي|Pessoal"), factor: 1 },
      { name: term("Team (5 seats)|Team (5 Plätze)|Équipe (5 postes)|Equipo (5 puestos)|チーム（5席）|团队版（5席）|فريق (5 مقاعد)|Equipe (5 vagas)"), factor: 4 },
      { name: term("Business|Unternehmen|Entreprise|Empresa|法人|企业版|مؤسسة|Empresa"), factor: 8 },
    ],
  },
  {
    categoryId: "cat_music",
    code: "MUS",
    kind: "DIGITAL",
    taxCategory: "STANDARD",
    materials: { jazz: M.jazz, folk: M.folk, ambient: M.ambient, classical: M.classical, bossa: M.bossa },
    nouns: [
      { name: term("Album|Album|Album|Álbum|アルバム|专辑|ألبوم|Álbum"), materials: ["jazz", "folk", "ambient", "classical", "bossa"], eur: [7, 18] },
      { name: term("EP|EP|EP|EP|EP|迷你专辑|أسطوانة قصيرة|EP"), materials: ["jazz", "folk", "ambient"], eur: [4, 9] },
      { name: term("Live Recording|Live-Aufnahme|Enregistrement live|Grabación en directo|ライブ録音|现场录音|تسجيل حي|Gravação ao vivo"), materials: ["jazz", "folk", "classical"], eur: [8, 20] },
      { name: term("Soundtrack|Soundtrack|Bande originale|Banda sonora|サウンドトラック|原声带|موسيقى تصويرية|Trilha sonora"), materials: ["ambient", "classical"], eur: [8, 16] },
      { name: term("Sample Pack|Sample-Paket|Pack d'échantillons|Paquete de samples|サンプルパック|采样包|حزمة عينات صوتية|Pacote de samples"), materials: ["ambient", "jazz"], eur: [12, 45] },
    ],
    qualities: [Q.newRelease, Q.remastered, Q.hiRes, Q.limited, Q.complete],
    qualityAfter: true,
    about: term(
      "Downloadable audio files, DRM-free, with a digital booklet.|Audiodateien zum Herunterladen, ohne DRM, mit digitalem Booklet.|Fichiers audio téléchargeables, sans DRM, avec livret numérique.|Archivos de audio descargables, sin DRM, con libreto digital.|DRMフリーのダウンロード音源で、デジタルブックレット付きです。|无DRM的可下载音频文件，附数字小册子。|ملفات صوتية قابلة للتنزيل دون حماية DRM مع كتيّب رقمي.|Arquivos de áudio para download, sem DRM, com encarte digital.",
    ),
    options: [
      { name: term("MP3 (320 kbps)|MP3 (320 kbit/s)|MP3 (320 kbit/s)|MP3 (320 kbps)|MP3（320kbps）|MP3（320kbps）|MP3 (320 كيلوبت/ث)|MP3 (320 kbps)"), factor: 1 },
      { name: term("FLAC (24-bit)|FLAC (24 Bit)|FLAC (24 bits)|FLAC (24 bits)|FLAC（24bit）|FLAC（24位）|FLAC (24 بت)|FLAC (24 bits)"), factor: 1.3 },
    ],
  },
  {
    categoryId: "cat_garden",
    code: "GRD",
    kind: "PHYSICAL",
    taxCategory: "STANDARD",
    materials: { tomato: M.tomato, basil: M.basil, chili: M.chili, sunflower: M.sunflower, stainless: M.stainless, copper: M.copper },
    nouns: [
      { name: term("Vegetable Seeds|Gemüsesamen|Graines de légumes|Semillas de hortalizas|野菜の種|蔬菜种子|بذور خضروات|Sementes de hortaliças"), hsCode: "120991", materials: ["tomato", "chili"], eur: [3, 9], grams: [10, 40], mm: [140, 95, 5] },
      { name: term("Herb Seeds|Kräutersamen|Graines d'aromates|Semillas de hierbas|ハーブの種|香草种子|بذور أعشاب|Sementes de ervas"), hsCode: "120991", materials: ["basil"], eur: [3, 8], grams: [10, 30], mm: [140, 95, 5] },
      { name: term("Flower Seeds|Blumensamen|Graines de fleurs|Semillas de flores|花の種|花卉种子|بذور زهور|Sementes de flores"), hsCode: "120930", materials: ["sunflower"], eur: [3, 9], grams: [10, 40], mm: [140, 95, 5] },
      { name: term("Seed Collection|Saatgut-Sammlung|Collection de graines|Colección de semillas|種のセット|种子套装|مجموعة بذور|Coleção de sementes"), hsCode: "120991", materials: [], eur: [12, 35], grams: [60, 200], mm: [200, 150, 40] },
      { name: term("Hand Trowel|Handschaufel|Transplantoir|Pala de jardín|移植ごて|园艺铲|مجرفة يدوية|Pá de jardinagem"), hsCode: "820190", materials: ["stainless", "copper"], eur: [15, 60], grams: [180, 450], mm: [320, 90, 60] },
    ],
    qualities: [Q.organic, Q.heirloom, Q.handPacked, Q.smallBatch],
    about: term(
      "Packed by hand with growing notes for the kitchen garden.|Von Hand abgepackt, mit Hinweisen für den Küchengarten.|Conditionné à la main, avec des conseils pour le potager.|Envasado a mano, con consejos para el huerto.|一つずつ手詰めし、家庭菜園向けの説明書を添えています。|手工分装，附家庭菜园种植说明。|معبأ يدويًا مع إرشادات لحديقة المنزل.|Embalado à mão, com dicas para a horta.",
    ),
    options: WEIGHTS.slice(0, 1).concat([
      { name: term("3 packets|3 Tütchen|3 sachets|3 sobres|3袋|3袋|3 أكياس|3 pacotes"), factor: 2.6 },
      { name: term("5 packets|5 Tütchen|5 sachets|5 sobres|5袋|5袋|5 أكياس|5 pacotes"), factor: 4 },
    ]),
  },
];

/** Closing lines of a description, per locale: `{seller}` is the seller's name. */
export const SOLD_BY = term("Sold by {seller}.|Verkauft von {seller}.|Vendu par {seller}.|Vendido por {seller}.|販売：{seller}|卖家：{seller}|البائع: {seller}|Vendido por {seller}.");
export const SHIPS_SOON = term(
  "Ships within three working days.|Versand innerhalb von drei Werktagen.|Expédié sous trois jours ouvrés.|Enviado en un plazo de tres días laborables.|3営業日以内に発送します。|三个工作日内发货。|يُشحن خلال ثلاثة أيام عمل.|Enviado em até três dias úteis.",
);
export const QUESTIONS_WELCOME = term(
  "Questions are welcome before you order.|Fragen beantworten wir gern vor der Bestellung.|Nous répondons volontiers à vos questions avant la commande.|Respondemos con gusto a tus preguntas antes del pedido.|ご注文前のご質問もお気軽にどうぞ。|下单前欢迎咨询。|يسعدنا الرد على أسئلتكم قبل الطلب.|Respondemos com prazer às suas dúvidas antes do pedido.",
);
export const ORIGIN_LABEL = term("Origin|Herkunft|Origine|Origen|原産国|原产地|بلد المنشأ|Origem");

/** A seller's introduction: `{name}`, `{country}` and `{range}` (category names). */
export const SELLER_BIO = term(
  "{name} is a small independent shop. Based in: {country}. Our range: {range}.|{name} ist ein kleiner, unabhängiger Betrieb. Sitz: {country}. Unser Sortiment: {range}.|{name} est une petite boutique indépendante. Pays : {country}. Notre gamme : {range}.|{name} es una pequeña tienda independiente. País: {country}. Nuestra oferta: {range}.|{name}は小さな独立系ショップです。所在国：{country}。取扱品目：{range}。|{name}是一家独立小店。所在国家：{country}。经营品类：{range}。|{name} متجر مستقل صغير. البلد: {country}. منتجاتنا: {range}.|{name} é uma pequena loja independente. País: {country}. Nossa linha: {range}.",
);

/** How a seller's business calls itself, by the seller's language: [display, ASCII for the handle], and whether it precedes the place. */
export const TRADE_NAMES: Record<Locale, { before: boolean; words: [string, string][] }> = {
  en: { before: false, words: [["Trading Co.", "trading"], ["Workshop", "workshop"], ["Goods", "goods"], ["Supply", "supply"], ["Makers", "makers"]] },
  de: { before: false, words: [["Manufaktur", "manufaktur"], ["Werkstatt", "werkstatt"], ["Handelshaus", "handelshaus"], ["Kontor", "kontor"]] },
  fr: { before: true, words: [["Atelier", "atelier"], ["Maison", "maison"], ["Comptoir", "comptoir"]] },
  es: { before: true, words: [["Taller", "taller"], ["Casa", "casa"], ["Almacén", "almacen"]] },
  ja: { before: false, words: [["工房", "kobo"], ["商店", "shoten"], ["製作所", "seisakusho"]] },
  "zh-CN": { before: false, words: [["工坊", "gongfang"], ["商行", "shanghang"], ["茶舍", "chashe"]] },
  ar: { before: true, words: [["Dar", "dar"], ["Bayt", "bayt"], ["Souk", "souk"]] },
  "pt-BR": { before: true, words: [["Ateliê", "atelie"], ["Casa", "casa"], ["Armazém", "armazem"]] },
};

/**
 * Where sellers trade from: the store's markets and other origin countries, with the
 * currency they price in, the languages they write (first: their listings' language)
 * and towns their businesses are named after.
 */
export const SELLER_COUNTRIES: { country: string; currency: string; languages: Locale[]; places: string[] }[] = [
  { country: "US", currency: "USD", languages: ["en"], places: ["Portland", "Austin", "Asheville", "Santa Fe"] },
  { country: "GB", currency: "GBP", languages: ["en"], places: ["Bristol", "York", "Bath", "Oxford"] },
  { country: "DE", currency: "EUR", languages: ["de", "en"], places: ["Solingen", "Freiburg", "Leipzig", "Hamburg"] },
  { country: "FR", currency: "EUR", languages: ["fr", "en"], places: ["Lyon", "Limoges", "Nantes", "Arles"] },
  { country: "ES", currency: "EUR", languages: ["es", "en"], places: ["Sevilla", "Valencia", "Toledo", "Granada"] },
  { country: "IT", currency: "EUR", languages: ["en"], places: ["Firenze", "Bologna", "Murano", "Siena"] },
  { country: "NL", currency: "EUR", languages: ["en", "de"], places: ["Delft", "Utrecht", "Haarlem", "Leiden"] },
  { country: "JP", currency: "JPY", languages: ["ja", "en"], places: ["Kyoto", "Seki", "Arita", "Kanazawa"] },
  { country: "KR", currency: "KRW", languages: ["en"], places: ["Icheon", "Jeonju", "Gyeongju", "Busan"] },
  { country: "CN", currency: "CNY", languages: ["zh-CN", "en"], places: ["Hangzhou", "Jingdezhen", "Suzhou", "Yixing"] },
  { country: "AU", currency: "AUD", languages: ["en"], places: ["Hobart", "Fremantle", "Byron Bay", "Ballarat"] },
  { country: "BR", currency: "BRL", languages: ["pt-BR", "en", "es"], places: ["Recife", "Ouro Preto", "Paraty", "Belo Horizonte"] },
  { country: "MX", currency: "MXN", languages: ["es", "en"], places: ["Oaxaca", "Puebla", "Taxco", "Mérida"] },
  { country: "IN", currency: "INR", languages: ["en"], places: ["Jaipur", "Varanasi", "Kochi", "Darjeeling"] },
  { country: "CA", currency: "CAD", languages: ["en", "fr"], places: ["Halifax", "Victoria", "Kingston", "Québec"] },
  { country: "CH", currency: "CHF", languages: ["de", "fr", "en"], places: ["Zürich", "Bern", "Luzern", "Basel"] },
  { country: "AE", currency: "AED", languages: ["ar", "en"], places: ["Dubai", "Sharjah", "Al Ain", "Fujairah"] },
  { country: "KW", currency: "KWD", languages: ["ar", "en"], places: ["Kuwait City", "Hawalli", "Salmiya", "Jahra"] },
  { country: "KE", currency: "KES", languages: ["en"], places: ["Nairobi", "Mombasa", "Nakuru", "Kisumu"] },
  { country: "MA", currency: "MAD", languages: ["ar", "fr", "en"], places: ["Fès", "Marrakech", "Essaouira", "Chefchaouen"] },
  { country: "TR", currency: "TRY", languages: ["en"], places: ["Istanbul", "Kütahya", "Bursa", "Gaziantep"] },
  { country: "TH", currency: "THB", languages: ["en"], places: ["Chiang Mai", "Lampang", "Sukhothai", "Ayutthaya"] },
  { country: "ID", currency: "IDR", languages: ["en"], places: ["Yogyakarta", "Ubud", "Bandung", "Surakarta"] },
  { country: "ZA", currency: "ZAR", languages: ["en"], places: ["Cape Town", "Durban", "Stellenbosch", "Knysna"] },
  { country: "SE", currency: "SEK", languages: ["en"], places: ["Uppsala", "Malmö", "Visby", "Gävle"] },
  { country: "PL", currency: "PLN", languages: ["en", "de"], places: ["Kraków", "Gdańsk", "Bolesławiec", "Wrocław"] },
  { country: "NZ", currency: "NZD", languages: ["en"], places: ["Nelson", "Dunedin", "Rotorua", "Napier"] },
  { country: "SG", currency: "SGD", languages: ["en", "zh-CN"], places: ["Joo Chiat", "Tiong Bahru", "Katong", "Bukit Timah"] },
  { country: "HK", currency: "HKD", languages: ["en", "zh-CN"], places: ["Kowloon", "Sheung Wan", "Sai Kung", "Tai Po"] },
  { country: "MY", currency: "MYR", languages: ["en"], places: ["Penang", "Melaka", "Ipoh", "Kuching"] },
  { country: "NO", currency: "NOK", languages: ["en"], places: ["Bergen", "Trondheim", "Tromsø", "Ålesund"] },
  { country: "CZ", currency: "CZK", languages: ["en", "de"], places: ["Brno", "Olomouc", "Plzeň", "Český Krumlov"] },
];

/** Approximate units of each seller currency per euro, so generated prices have the magnitudes real listings have. */
export const UNITS_PER_EUR: Record<string, number> = {
  EUR: 1, USD: 1.16, GBP: 0.875, JPY: 181, KRW: 1700, CNY: 8.2, AUD: 1.78, BRL: 6.18, MXN: 21.3, INR: 103,
  CAD: 1.63, CHF: 0.93, AED: 4.26, KWD: 0.356, KES: 150, MAD: 10.7, TRY: 49.2, THB: 37.4, IDR: 19300,
  ZAR: 19.9, SEK: 11, PLN: 4.23, NZD: 2.04, SGD: 1.51, HKD: 9.02, MYR: 4.8, NOK: 11.7, CZK: 24.2,
};
