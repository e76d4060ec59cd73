import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function LocaleNotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="main" className="container narrow error-page">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </main>
  );
}
