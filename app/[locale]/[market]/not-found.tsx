import { getLocale } from "next-intl/server";
import { NotFoundMessage } from "@/components/errors/not-found-message";
import { isLocale } from "@/lib/domain/markets";

export default async function ShopNotFound() {
  const locale = await getLocale();
  return <NotFoundMessage locale={isLocale(locale) ? locale : "en"} />;
}
