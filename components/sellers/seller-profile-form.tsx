import { getTranslations } from "next-intl/server";
import { PanelField, PanelForm } from "@/components/panel/panel-parts";
import { collatorFor, countryName, currencyName, languageName } from "@/lib/display-names";
import { LOCALES, MARKETS, type Locale } from "@/lib/domain/markets";
import { ISO_COUNTRIES, MIN_RETURN_DAYS, MAX_RETURN_DAYS, RETURN_PAYERS } from "@/lib/domain/sellers";

export interface ProfileValues {
  legalName: string;
  name: string;
  country: string;
  currency: string;
  languages: string[];
  shipFrom: string[];
  returnDays: number;
  returnShippingPaidBy: string;
  vatNumber: string | null;
  iossNumber: string | null;
  abn: string | null;
  trader: boolean | null;
}

export const EMPTY_PROFILE: ProfileValues = {
  legalName: "", name: "", country: "", currency: "", languages: [], shipFrom: [], returnDays: 30,
  returnShippingPaidBy: "BUYER", vatNumber: null, iossNumber: null, abn: null, trader: null,
};

/**
 * The shop's details as onboarding asks them and settings edits them: one plain form
 * (works without JavaScript), fields named as lib/domain/sellers parses them. With
 * `locked`, country and currency are shown and sent unchanged.
 */
export async function SellerProfileForm({
  locale, action, returnTo, values, currencies, locked, submit, label,
}: {
  locale: Locale; action: string; returnTo: string; values: ProfileValues; currencies: string[]; locked: boolean; submit: string; label: string;
}) {
  const t = await getTranslations({ locale, namespace: "onboarding.form" });
  const collator = collatorFor(locale);
  const markets = new Set(MARKETS.map((m) => m.country));
  const byName = (a: string, b: string) => collator.compare(countryName(a, locale), countryName(b, locale));
  const marketCountries = [...markets].sort(byName);
  const otherCountries = [...ISO_COUNTRIES].filter((c) => !markets.has(c)).sort(byName);
  const sortedCurrencies = [...currencies].sort((a, b) => collator.compare(currencyName(a, locale), currencyName(b, locale)));
  return (
    <PanelForm action={action} locale={locale} returnTo={returnTo} label={label}>
      <PanelField id="seller-legal-name" label={t("legalName")} hint={t("legalNameHint")} name="legalName" defaultValue={values.legalName} maxLength={120} autoComplete="organization" required />
      <PanelField id="seller-display-name" label={t("displayName")} hint={t("displayNameHint")} name="displayName" defaultValue={values.name} maxLength={120} required />
      {locked ? (
        <>
          <input type="hidden" name="country" value={values.country} />
          <input type="hidden" name="currency" value={values.currency} />
          <dl className="seller-locked">
            <dt>{t("country")}</dt>
            <dd>{countryName(values.country, locale)}</dd>
            <dt>{t("currency")}</dt>
            <dd>{currencyName(values.currency, locale)} ({values.currency})</dd>
          </dl>
          <p className="muted small" data-testid="seller-locked">{t("locked")}</p>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="seller-country">{t("country")}</label>
            <select id="seller-country" name="country" defaultValue={values.country} required autoComplete="country">
              <option value="">{t("choose")}</option>
              <optgroup label={t("marketCountries")}>
                {marketCountries.map((code) => (
                  <option key={code} value={code}>{countryName(code, locale)}</option>
                ))}
              </optgroup>
              <optgroup label={t("otherCountries")}>
                {otherCountries.map((code) => (
                  <option key={code} value={code}>{countryName(code, locale)}</option>
                ))}
              </optgroup>
            </select>
          </div>
          <div className="field">
            <label htmlFor="seller-currency">{t("currency")}</label>
            <select id="seller-currency" name="currency" defaultValue={values.currency} required aria-describedby="seller-currency-hint">
              <option value="">{t("choose")}</option>
              {sortedCurrencies.map((code) => (
                <option key={code} value={code}>{currencyName(code, locale)} ({code})</option>
              ))}
            </select>
            <span id="seller-currency-hint" className="muted small">{t("currencyHint")}</span>
          </div>
        </>
      )}
      <fieldset className="seller-fieldset">
        <legend>{t("languages")}</legend>
        <p className="muted small">{t("languagesHint")}</p>
        <ul className="seller-checks">
          {LOCALES.map((code) => (
            <li key={code}>
              <input type="checkbox" id={`seller-language-${code}`} name={`language-${code}`} defaultChecked={values.languages.includes(code)} />
              <label htmlFor={`seller-language-${code}`} lang={code}>{languageName(code, code)}</label>
            </li>
          ))}
        </ul>
        <div className="field">
          <label htmlFor="seller-original-language">{t("originalLanguage")}</label>
          <select id="seller-original-language" name="originalLanguage" defaultValue={values.languages[0] ?? ""}>
            <option value="">{t("originalFirst")}</option>
            {LOCALES.map((code) => (
              <option key={code} value={code}>{languageName(code, locale)}</option>
            ))}
          </select>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="seller-ship-from">{t("shipFrom")}</label>
        <textarea id="seller-ship-from" name="shipFrom" rows={4} defaultValue={values.shipFrom.join("\n")} required aria-describedby="seller-ship-from-hint" autoComplete="street-address" />
        <span id="seller-ship-from-hint" className="muted small">{t("shipFromHint")}</span>
      </div>
      <fieldset className="seller-fieldset">
        <legend>{t("returns")}</legend>
        <PanelField id="seller-return-days" label={t("returnDays")} hint={t("returnDaysHint", { min: MIN_RETURN_DAYS })} name="returnDays" type="number" inputMode="numeric" min={MIN_RETURN_DAYS} max={MAX_RETURN_DAYS} defaultValue={values.returnDays} required />
        <div className="field">
          <label htmlFor="seller-return-payer">{t("returnShippingPaidBy")}</label>
          <select id="seller-return-payer" name="returnShippingPaidBy" defaultValue={values.returnShippingPaidBy}>
            {RETURN_PAYERS.map((payer) => (
              <option key={payer} value={payer}>{t(`payer.${payer}`)}</option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset className="seller-fieldset">
        <legend>{t("tax")}</legend>
        <p className="muted small">{t("taxHint")}</p>
        <PanelField id="seller-vat" label={t("vatNumber")} hint={t("vatHint")} name="vatNumber" defaultValue={values.vatNumber ?? ""} maxLength={20} dir="ltr" />
        <PanelField id="seller-ioss" label={t("iossNumber")} hint={t("iossHint")} name="iossNumber" defaultValue={values.iossNumber ?? ""} maxLength={20} dir="ltr" />
        <PanelField id="seller-abn" label={t("abn")} hint={t("abnHint")} name="abn" defaultValue={values.abn ?? ""} maxLength={20} inputMode="numeric" dir="ltr" />
      </fieldset>
      <fieldset className="seller-fieldset">
        <legend>{t("trader")}</legend>
        <p className="muted small">{t("traderHint")}</p>
        <ul className="seller-checks">
          <li>
            <input type="radio" id="seller-trader-yes" name="trader" value="yes" defaultChecked={values.trader === true} required />
            <label htmlFor="seller-trader-yes">{t("traderYes")}</label>
          </li>
          <li>
            <input type="radio" id="seller-trader-no" name="trader" value="no" defaultChecked={values.trader === false} />
            <label htmlFor="seller-trader-no">{t("traderNo")}</label>
          </li>
        </ul>
      </fieldset>
      <button type="submit">{submit}</button>
    </PanelForm>
  );
}
