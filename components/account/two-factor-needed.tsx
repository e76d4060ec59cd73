import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/markets";

/** In place of a payouts form for a viewer whose session has not passed two-factor: why, and the way to set it up. */
export async function TwoFactorNeeded({ locale, returnTo }: { locale: Locale; returnTo: string }) {
  const t = await getTranslations({ locale, namespace: "twoFactor.needed" });
  const href = `/${locale}/account/security?${new URLSearchParams({ required: "1", returnTo }).toString()}`;
  return (
    <p className="note" data-testid="two-factor-needed">
      {t("payouts")} <a href={href}>{t("setUp")}</a>
    </p>
  );
}
