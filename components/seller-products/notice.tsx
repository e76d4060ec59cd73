import { getTranslations } from "next-intl/server";
import { PanelNotice } from "@/components/panel/panel-parts";
import type { Locale } from "@/lib/domain/markets";
import { firstParam } from "@/lib/domain/http/search-params";

type Search = Record<string, string | string[] | undefined>;


/** The outcome of the last form post on a product page: `?error=` (messages `panel.error`) or `?done=` (messages `sellerProducts.notice`). */
export async function ProductNotice({ locale, search }: { locale: Locale; search: Search }) {
  const [tp, t] = await Promise.all([getTranslations({ locale, namespace: "panel.error" }), getTranslations({ locale, namespace: "sellerProducts.notice" })]);
  const error = firstParam(search.error);
  const done = firstParam(search.done);
  const errorText = error ? (tp.has(error as "SERVICE_BUSY") ? tp(error as "SERVICE_BUSY") : tp("SERVICE_BUSY")) : null;
  const doneText = done && t.has(done as "saved") ? t(done as "saved") : null;
  return <PanelNotice error={errorText} done={doneText} />;
}
