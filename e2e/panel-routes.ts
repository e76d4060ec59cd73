/**
 * Every page and API of the seller and operator panels, with who may reach it. The
 * access suite (e2e/panel-access.spec.ts) walks this table with another seller's ids
 * and with the wrong roles; tests/panel-routes.test.ts fails when a route file exists
 * that the table does not name, so a new panel route cannot skip the walk.
 *
 * Placeholders in `path`: {product}, {variant}, {image}, {subOrder}, {job}, {seller},
 * {order}, {shipment} — each filled with an id that belongs to another seller than the one asking.
 */
export type PanelAccess =
  /** A seller member's own data, reached by ids: another seller gets 404 or 403. */
  | "seller-ids"
  /** A seller member's own lists and forms without ids: a buyer gets 404 or 403. */
  | "seller"
  /** Any signed-in person (the overview and opening a shop): not refused to a buyer. */
  | "signed-in"
  /** The operator only. */
  | "operator";

export interface PanelRoute {
  file: string;
  method: "GET" | "POST";
  path: string;
  access: PanelAccess;
}

const SELLER_PAGES: PanelRoute[] = [
  { file: "app/[locale]/seller/page.tsx", method: "GET", path: "/en/seller", access: "signed-in" },
  { file: "app/[locale]/seller/onboarding/page.tsx", method: "GET", path: "/en/seller/onboarding", access: "signed-in" },
  { file: "app/[locale]/seller/settings/page.tsx", method: "GET", path: "/en/seller/settings", access: "seller" },
  { file: "app/[locale]/seller/products/page.tsx", method: "GET", path: "/en/seller/products", access: "seller" },
  { file: "app/[locale]/seller/products/new/page.tsx", method: "GET", path: "/en/seller/products/new", access: "seller" },
  { file: "app/[locale]/seller/products/[id]/page.tsx", method: "GET", path: "/en/seller/products/{product}", access: "seller-ids" },
  { file: "app/[locale]/seller/products/[id]/media/page.tsx", method: "GET", path: "/en/seller/products/{product}/media", access: "seller-ids" },
  { file: "app/[locale]/seller/imports/page.tsx", method: "GET", path: "/en/seller/imports", access: "seller" },
  { file: "app/[locale]/seller/imports/[jobId]/page.tsx", method: "GET", path: "/en/seller/imports/{job}", access: "seller-ids" },
  { file: "app/[locale]/seller/orders/page.tsx", method: "GET", path: "/en/seller/orders", access: "seller" },
  { file: "app/[locale]/seller/orders/[id]/page.tsx", method: "GET", path: "/en/seller/orders/{subOrder}", access: "seller-ids" },
  { file: "app/[locale]/seller/payouts/page.tsx", method: "GET", path: "/en/seller/payouts", access: "seller" },
  { file: "app/[locale]/seller/analytics/page.tsx", method: "GET", path: "/en/seller/analytics", access: "seller" },
  { file: "app/[locale]/seller/hs-codes/page.tsx", method: "GET", path: "/en/seller/hs-codes?q=knife", access: "seller" },
];

const SELLER_APIS: PanelRoute[] = [
  { file: "app/api/seller/onboarding/route.ts", method: "POST", path: "/api/seller/onboarding", access: "signed-in" },
  { file: "app/api/seller/settings/route.ts", method: "POST", path: "/api/seller/settings", access: "seller" },
  { file: "app/api/seller/hs/route.ts", method: "GET", path: "/api/seller/hs?q=knife&locale=en", access: "seller" },
  { file: "app/api/seller/payouts/route.ts", method: "POST", path: "/api/seller/payouts", access: "seller" },
  { file: "app/api/seller/payouts/return/route.ts", method: "GET", path: "/api/seller/payouts/return?locale=en", access: "seller" },
  { file: "app/api/seller/payouts/csv/route.ts", method: "GET", path: "/api/seller/payouts/csv", access: "seller" },
  { file: "app/api/seller/catalogue.csv/route.ts", method: "GET", path: "/api/seller/catalogue.csv", access: "seller" },
  { file: "app/api/seller/imports/route.ts", method: "POST", path: "/api/seller/imports", access: "seller" },
  { file: "app/api/seller/imports/[jobId]/route.ts", method: "GET", path: "/api/seller/imports/{job}", access: "seller-ids" },
  { file: "app/api/seller/orders/[id]/packing-slip/route.ts", method: "GET", path: "/api/seller/orders/{subOrder}/packing-slip", access: "seller-ids" },
  { file: "app/api/seller/shipments/route.ts", method: "POST", path: "/api/seller/shipments", access: "seller" },
  { file: "app/api/seller/shipments/[id]/events/route.ts", method: "POST", path: "/api/seller/shipments/{shipment}/events", access: "seller-ids" },
  { file: "app/api/seller/shipments/[id]/packing-slip/route.ts", method: "GET", path: "/api/seller/shipments/{shipment}/packing-slip", access: "seller-ids" },
  { file: "app/api/seller/shipments/[id]/customs-declaration/route.ts", method: "GET", path: "/api/seller/shipments/{shipment}/customs-declaration", access: "seller-ids" },
  { file: "app/api/seller/products/route.ts", method: "POST", path: "/api/seller/products", access: "seller" },
  { file: "app/api/seller/products/[id]/route.ts", method: "POST", path: "/api/seller/products/{product}", access: "seller-ids" },
  { file: "app/api/seller/products/[id]/status/route.ts", method: "POST", path: "/api/seller/products/{product}/status", access: "seller-ids" },
  { file: "app/api/seller/products/[id]/translations/route.ts", method: "POST", path: "/api/seller/products/{product}/translations", access: "seller-ids" },
  { file: "app/api/seller/products/[id]/variants/route.ts", method: "POST", path: "/api/seller/products/{product}/variants", access: "seller-ids" },
  { file: "app/api/seller/products/[id]/variants/[variantId]/route.ts", method: "POST", path: "/api/seller/products/{product}/variants/{variant}", access: "seller-ids" },
  { file: "app/api/seller/products/[id]/media/images/route.ts", method: "POST", path: "/api/seller/products/{product}/media/images", access: "seller-ids" },
  { file: "app/api/seller/products/[id]/media/images/[imageId]/alt/route.ts", method: "POST", path: "/api/seller/products/{product}/media/images/{image}/alt", access: "seller-ids" },
  { file: "app/api/seller/products/[id]/media/images/[imageId]/delete/route.ts", method: "POST", path: "/api/seller/products/{product}/media/images/{image}/delete", access: "seller-ids" },
  { file: "app/api/seller/products/[id]/media/images/[imageId]/move/route.ts", method: "POST", path: "/api/seller/products/{product}/media/images/{image}/move", access: "seller-ids" },
  { file: "app/api/seller/products/[id]/media/file/route.ts", method: "POST", path: "/api/seller/products/{product}/media/file", access: "seller-ids" },
  { file: "app/api/seller/products/[id]/media/keys/route.ts", method: "POST", path: "/api/seller/products/{product}/media/keys", access: "seller-ids" },
];

const OPERATOR: PanelRoute[] = [
  { file: "app/[locale]/admin/page.tsx", method: "GET", path: "/en/admin", access: "operator" },
  { file: "app/[locale]/admin/sellers/page.tsx", method: "GET", path: "/en/admin/sellers", access: "operator" },
  { file: "app/[locale]/admin/sellers/[id]/page.tsx", method: "GET", path: "/en/admin/sellers/{seller}", access: "operator" },
  { file: "app/api/admin/sellers/[id]/approve/route.ts", method: "POST", path: "/api/admin/sellers/{seller}/approve", access: "operator" },
  { file: "app/api/admin/sellers/[id]/status/route.ts", method: "POST", path: "/api/admin/sellers/{seller}/status", access: "operator" },
  { file: "app/api/admin/sellers/[id]/commission/route.ts", method: "POST", path: "/api/admin/sellers/{seller}/commission", access: "operator" },
  { file: "app/[locale]/admin/orders/page.tsx", method: "GET", path: "/en/admin/orders", access: "operator" },
  { file: "app/[locale]/admin/orders/[id]/page.tsx", method: "GET", path: "/en/admin/orders/{order}", access: "operator" },
  { file: "app/[locale]/admin/fx/page.tsx", method: "GET", path: "/en/admin/fx", access: "operator" },
  { file: "app/api/admin/fx/override/route.ts", method: "POST", path: "/api/admin/fx/override", access: "operator" },
  { file: "app/[locale]/admin/audit/page.tsx", method: "GET", path: "/en/admin/audit", access: "operator" },
  { file: "app/[locale]/admin/analytics/page.tsx", method: "GET", path: "/en/admin/analytics", access: "operator" },
];

export const PANEL_ROUTES: readonly PanelRoute[] = [...SELLER_PAGES, ...SELLER_APIS, ...OPERATOR];

/** The folders whose every page and route handler must be in the table. */
export const PANEL_ROOTS = ["app/[locale]/seller", "app/[locale]/admin", "app/api/seller", "app/api/admin"];
