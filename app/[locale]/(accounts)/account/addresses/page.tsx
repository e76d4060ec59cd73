import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountNav } from "@/components/account/account-nav";
import { AddressFields } from "@/components/checkout/address-fields";
import { PanelForm, PanelNotice } from "@/components/panel/panel-parts";
import { collatorFor, countryName } from "@/lib/display-names";
import { MAX_ADDRESSES } from "@/lib/domain/account";
import { ADDRESS_COUNTRIES, isAddressCountry } from "@/lib/domain/address";
import { defaultMarketFor, findMarket, isLocale, type Locale } from "@/lib/domain/markets";
import { MARKET_COOKIE } from "@/lib/preferences";
import { listAddresses, loadAddress, type AddressValues } from "@/lib/server/account/addresses";
import { ADDRESS_FORM_COOKIE, openAddressDraft } from "@/lib/server/account/http";
import { pagePath, signedInViewer } from "@/lib/server/panels/viewer";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "accountPages.addresses" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
const NOTICES = ["added", "updated", "deleted", "defaultSet"] as const;
const ERRORS = ["INVALID_ADDRESS", "ADDRESS_LIMIT", "UNSUPPORTED_COUNTRY", "INVALID_INPUT", "SERVICE_BUSY", "RATE_LIMITED"] as const;

/**
 * The buyer's address book: the saved addresses with edit, delete and make-default,
 * and one form to add or edit an address in its country's format (the checkout's own
 * fields). Choosing the country is a plain GET, so the form works without JavaScript.
 */
export default async function AccountAddressesPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/account/addresses`;
  const returnTo = pagePath(path, query);
  const viewer = await signedInViewer(locale, returnTo);
  const [t, tp, jar, book] = await Promise.all([
    getTranslations({ locale, namespace: "accountPages.addresses" }),
    getTranslations({ locale, namespace: "panel.error" }),
    cookies(),
    listAddresses(viewer),
  ]);
  const error = ERRORS.find((code) => code === one(query.error)) ?? null;
  const done = NOTICES.find((notice) => notice === one(query.done)) ?? null;

  // What the form shows: a refused attempt as typed, else the address being edited, else an empty one.
  const draft = error === "INVALID_ADDRESS" ? openAddressDraft(viewer.userId, jar.get(ADDRESS_FORM_COOKIE)?.value) : null;
  const editing = one(query.edit) ? await loadAddress(viewer, one(query.edit)) : null;
  if (editing && !editing.ok) notFound();
  const edited = editing?.ok ? editing.data : null;
  const askedCountry = one(query.country)?.toUpperCase();
  const homeCountry = (findMarket(jar.get(MARKET_COOKIE)?.value) ?? defaultMarketFor(locale)).country;
  const country = isAddressCountry(askedCountry) ? askedCountry : (draft?.country ?? edited?.country ?? homeCountry);
  const values: AddressValues = draft && (draft.id ?? null) === (edited?.id ?? null) ? draft.values : country === edited?.country ? edited.values : {};
  const errors = draft && draft.country === country ? draft.errors : [];
  const full = !edited && book.data.length >= MAX_ADDRESSES;
  const collator = collatorFor(locale);
  const countries = [...ADDRESS_COUNTRIES].sort((a, b) => collator.compare(countryName(a, locale), countryName(b, locale)));
  const named = (lines: string[]) => lines[0] ?? "";

  return (
    <div className="account-area">
      <h1>{t("title")}</h1>
      <AccountNav locale={locale} current="addresses" />
      <PanelNotice error={error ? tp(error) : null} done={done ? t(`notice.${done}`) : null} />
      <p className="muted small">{t("intro", { max: MAX_ADDRESSES })}</p>

      <section aria-labelledby="saved-addresses">
        <h2 id="saved-addresses">{t("saved")}</h2>
        {book.data.length === 0 ? (
          <p data-testid="addresses-empty">{t("empty")}</p>
        ) : (
          <ul className="address-book" data-testid="address-book">
            {book.data.map((address) => (
              <li key={address.id} className="address-card" data-testid="saved-address" data-default={address.isDefault}>
                <address>
                  {address.lines.map((line, i) => (
                    <span key={i} dir="auto">
                      {line}
                      <br />
                    </span>
                  ))}
                </address>
                {address.isDefault && (
                  <p className="badge" data-testid="default-address">
                    {t("default")}
                  </p>
                )}
                <div className="address-actions">
                  <a href={`${path}?edit=${address.id}`} aria-label={t("editLabel", { name: named(address.lines) })}>
                    {t("edit")}
                  </a>
                  {!address.isDefault && (
                    <PanelForm action="/api/account/addresses" locale={locale} returnTo={path} className="inline-form">
                      <input type="hidden" name="action" value="default" />
                      <input type="hidden" name="id" value={address.id} />
                      <button type="submit" className="secondary" aria-label={t("makeDefaultLabel", { name: named(address.lines) })}>
                        {t("makeDefault")}
                      </button>
                    </PanelForm>
                  )}
                  <PanelForm action="/api/account/addresses" locale={locale} returnTo={path} className="inline-form">
                    <input type="hidden" name="action" value="delete" />
                    <input type="hidden" name="id" value={address.id} />
                    <button type="submit" className="secondary" aria-label={t("deleteLabel", { name: named(address.lines) })}>
                      {t("delete")}
                    </button>
                  </PanelForm>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="address-form-heading">
        <h2 id="address-form-heading">{edited ? t("editHeading") : t("addHeading")}</h2>
        {full ? (
          <p className="note" data-testid="address-limit">
            {t("limit", { max: MAX_ADDRESSES })}
          </p>
        ) : (
          <>
            <form method="get" action={path} className="panel-form country-picker">
              {edited && <input type="hidden" name="edit" value={edited.id} />}
              <div className="field">
                <label htmlFor="address-country">{t("country")}</label>
                <select id="address-country" name="country" defaultValue={country} autoComplete="country">
                  {countries.map((code) => (
                    <option key={code} value={code}>
                      {countryName(code, locale)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="secondary">
                {t("chooseCountry")}
              </button>
            </form>
            <PanelForm action="/api/account/addresses" locale={locale} returnTo={edited ? `${path}?edit=${edited.id}&country=${country}` : `${path}?country=${country}`} label={edited ? t("editHeading") : t("addHeading")}>
              <input type="hidden" name="action" value="save" />
              {edited && <input type="hidden" name="id" value={edited.id} />}
              <p className="small">{t("fieldsFor", { country: countryName(country, locale) })}</p>
              <AddressFields country={country} values={values} errors={errors} email={false} />
              <label className="checkbox">
                <input type="checkbox" name="makeDefault" value="yes" defaultChecked={draft?.makeDefault ?? edited?.isDefault ?? book.data.length === 0} />
                <span>{t("setDefault")}</span>
              </label>
              <div className="address-actions">
                <button type="submit" className="primary" data-testid="save-address">
                  {t("save")}
                </button>
                {edited && <a href={path}>{t("cancel")}</a>}
              </div>
            </PanelForm>
          </>
        )}
      </section>
    </div>
  );
}
