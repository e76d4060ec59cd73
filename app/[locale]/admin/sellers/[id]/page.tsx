import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { PanelField, PanelForm, PanelNotice } from "@/components/panel/panel-parts";
import { noticeTexts } from "@/components/sellers/notice";
import { countryName, currencyName, languageName } from "@/lib/display-names";
import { isLocale } from "@/lib/domain/markets";
import { operatorViewer } from "@/lib/server/panels/viewer";
import { sellerForOperator } from "@/lib/server/sellers/admin";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "adminSellers.detail" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** One shop as the operator sees it: its onboarding details and the actions on it, each with a reason. */
export default async function AdminSellerPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const path = `/${locale}/admin/sellers/${encodeURIComponent(id)}`;
  const viewer = await operatorViewer(locale, path);
  const query = await searchParams;
  const [t, ts, format, result, notice] = await Promise.all([
    getTranslations({ locale, namespace: "adminSellers.detail" }),
    getTranslations({ locale, namespace: "adminSellers" }),
    getFormatter({ locale }),
    sellerForOperator(viewer, id),
    noticeTexts(locale, query, "adminSellers"),
  ]);
  if (!result.ok) notFound();
  const seller = result.seller;
  const percent = (bps: number) => format.number(bps / 10_000, { style: "percent", maximumFractionDigits: 2 });
  const action = (name: string) => `/api/admin/sellers/${encodeURIComponent(seller.id)}/${name}`;
  const notGiven = t("notGiven");
  const reason = (form: string) => <PanelField id={`${form}-reason`} label={t("reason")} hint={t("reasonHint")} name="reason" maxLength={1000} required />;
  return (
    <>
      <p>
        <a href={`/${locale}/admin/sellers`}>{t("back")}</a>
      </p>
      <h1>{seller.name}</h1>
      <PanelNotice error={notice.error} done={notice.done} />
      <p>
        <strong data-testid="admin-seller-status" data-status={seller.status}>{ts(`status.${seller.status}`)}</strong>
      </p>
      <section aria-labelledby="seller-details">
        <h2 id="seller-details">{t("onboarding")}</h2>
        <dl className="seller-facts seller-details">
          <div><dt>{t("legalName")}</dt><dd>{seller.legalName ?? notGiven}</dd></div>
          <div><dt>{t("handle")}</dt><dd dir="ltr">{seller.handle}</dd></div>
          <div><dt>{t("owners")}</dt><dd dir="ltr">{seller.owners.join(", ") || notGiven}</dd></div>
          <div><dt>{t("country")}</dt><dd>{countryName(seller.country, locale)}</dd></div>
          <div><dt>{t("currency")}</dt><dd>{currencyName(seller.currency, locale)} ({seller.currency})</dd></div>
          <div><dt>{t("languages")}</dt><dd>{seller.languages.map((l) => languageName(l, locale)).join(", ")}</dd></div>
          <div><dt>{t("shipFrom")}</dt><dd>{seller.shipFrom.length ? seller.shipFrom.map((line, i) => <span key={i} className="seller-line">{line}</span>) : notGiven}</dd></div>
          <div><dt>{t("returns")}</dt><dd>{t("returnsText", { days: seller.returnDays, payer: seller.returnShippingPaidBy === "SELLER" ? "SELLER" : "BUYER" })}</dd></div>
          <div><dt>{t("vat")}</dt><dd dir="ltr">{seller.vatNumber ?? notGiven}</dd></div>
          <div><dt>{t("ioss")}</dt><dd dir="ltr">{seller.iossNumber ?? notGiven}</dd></div>
          <div><dt>{t("abn")}</dt><dd dir="ltr">{seller.abn ?? notGiven}</dd></div>
          <div><dt>{t("trader")}</dt><dd>{seller.trader ? t("traderYes") : t("traderNo")}</dd></div>
          <div><dt>{t("payouts")}</dt><dd>{seller.payoutsReady ? ts("payoutsYes") : ts("payoutsNo")}</dd></div>
          <div><dt>{t("commission")}</dt><dd>{seller.commissionBps === null ? ts("commissionDefault", { percent: percent(result.defaultCommissionBps) }) : percent(seller.commissionBps)}</dd></div>
          <div><dt>{t("products")}</dt><dd>{format.number(seller.productCount)}</dd></div>
          <div><dt>{t("created")}</dt><dd>{format.dateTime(seller.createdAt, { dateStyle: "medium" })}</dd></div>
          <div><dt>{t("approved")}</dt><dd>{seller.approvedAt ? format.dateTime(seller.approvedAt, { dateStyle: "medium" }) : t("approvedNever")}</dd></div>
        </dl>
      </section>
      <section aria-labelledby="seller-actions">
        <h2 id="seller-actions">{t("actions")}</h2>
        {seller.status === "PENDING" && (
          <PanelForm action={action("approve")} locale={locale} returnTo={path} label={t("approve")}>
            <h3>{t("approve")}</h3>
            {reason("approve")}
            <button type="submit">{t("approve")}</button>
          </PanelForm>
        )}
        {seller.status === "SUSPENDED" ? (
          <PanelForm action={action("status")} locale={locale} returnTo={path} label={t("reactivate")}>
            <h3>{t("reactivate")}</h3>
            <input type="hidden" name="status" value="ACTIVE" />
            {reason("reactivate")}
            <button type="submit">{t("reactivate")}</button>
          </PanelForm>
        ) : (
          <PanelForm action={action("status")} locale={locale} returnTo={path} label={t("suspend")}>
            <h3>{t("suspend")}</h3>
            <input type="hidden" name="status" value="SUSPENDED" />
            {reason("suspend")}
            <button type="submit" className="secondary">{t("suspend")}</button>
          </PanelForm>
        )}
        <PanelForm action={action("commission")} locale={locale} returnTo={path} label={t("setCommission")}>
          <h3>{t("setCommission")}</h3>
          <PanelField
            id="commission-percent" label={t("commissionPercent")} hint={t("commissionHint", { percent: percent(result.defaultCommissionBps) })}
            name="percent" inputMode="decimal" pattern="\d{1,2}([.,]\d{1,2})?" dir="ltr" required
            defaultValue={seller.commissionBps === null ? "" : String(seller.commissionBps / 100)}
          />
          {reason("commission")}
          <button type="submit">{t("setCommission")}</button>
        </PanelForm>
      </section>
    </>
  );
}
