import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { PanelNotice } from "@/components/panel/panel-parts";
import { noticeTexts } from "@/components/sellers/notice";
import { countryName } from "@/lib/display-names";
import { isLocale } from "@/lib/domain/markets";
import { parseStatusFilter, STATUS_ORDER } from "@/lib/domain/sellers";
import { operatorViewer } from "@/lib/server/panels/viewer";
import { listSellersForOperator } from "@/lib/server/sellers/admin";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "adminSellers" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The operator's sellers: shops awaiting approval first. */
export default async function AdminSellersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const path = `/${locale}/admin/sellers`;
  const viewer = await operatorViewer(locale, path);
  const query = await searchParams;
  const status = parseStatusFilter(query.status);
  const [t, format, result, notice] = await Promise.all([
    getTranslations({ locale, namespace: "adminSellers" }),
    getFormatter({ locale }),
    listSellersForOperator(viewer, { status }),
    noticeTexts(locale, query, "adminSellers"),
  ]);
  if (!result.ok) notFound();
  const percent = (bps: number) => format.number(bps / 10_000, { style: "percent", maximumFractionDigits: 2 });
  return (
    <>
      <h1>{t("title")}</h1>
      <PanelNotice error={notice.error} done={notice.done} />
      <form method="get" action={path} className="panel-form seller-filter" aria-label={t("filter")}>
        <div className="field">
          <label htmlFor="sellers-status">{t("filter")}</label>
          <select id="sellers-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("all")}</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit">{t("apply")}</button>
      </form>
      {result.sellers.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="panel-table" data-testid="admin-sellers">
            <caption className="visually-hidden">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.country")}</th>
                <th scope="col">{t("columns.currency")}</th>
                <th scope="col">{t("columns.payouts")}</th>
                <th scope="col" className="num">{t("columns.commission")}</th>
                <th scope="col" className="num">{t("columns.products")}</th>
              </tr>
            </thead>
            <tbody>
              {result.sellers.map((seller) => (
                <tr key={seller.id} data-seller={seller.handle}>
                  <td>
                    <a href={`${path}/${encodeURIComponent(seller.id)}`}>{seller.name}</a>
                  </td>
                  <td data-status={seller.status}>{t(`status.${seller.status}`)}</td>
                  <td>{countryName(seller.country, locale)}</td>
                  <td>{seller.currency}</td>
                  <td>{seller.payoutsReady ? t("payoutsYes") : t("payoutsNo")}</td>
                  <td className="num">
                    {seller.commissionBps === null ? t("commissionDefault", { percent: percent(result.defaultCommissionBps) }) : percent(seller.commissionBps)}
                  </td>
                  <td className="num">{format.number(seller.productCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
