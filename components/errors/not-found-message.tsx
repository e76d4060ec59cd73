import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/markets";

/** The localized "page not found" message, for not-found boundaries and the proxy's 404 page. */
export async function NotFoundMessage({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "errors" });
  return (
    <div className="narrow error-page">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <p>
        <a href={`/${locale}`}>{t("backHome")}</a>
      </p>
    </div>
  );
}
