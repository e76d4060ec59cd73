import { getFormatter, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/markets";
import { getFx } from "@/lib/server/catalogue/queries";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "footer" });
  const tp = await getTranslations({ locale, namespace: "privacy" });
  const format = await getFormatter({ locale });
  const fx = await getFx();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>© 2026 {t("rights")}</p>
        <p>
          <a href={`/${locale}/privacy`} data-testid="footer-privacy">
            {tp("link")}
          </a>
        </p>
        {fx.date && <p>{t("ratesNote", { date: format.dateTime(new Date(`${fx.date}T00:00:00Z`), { dateStyle: "long" }) })}</p>}
      </div>
    </footer>
  );
}
