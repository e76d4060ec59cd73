import { getLocale, getTranslations } from "next-intl/server";

export default async function ShopNotFound() {
  const t = await getTranslations("errors");
  const locale = await getLocale();
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
