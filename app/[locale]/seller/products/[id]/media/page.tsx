import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { PanelField, PanelForm, PanelNotice } from "@/components/panel/panel-parts";
import { languageName } from "@/lib/display-names";
import { isMediaErrorCode, isMediaNotice } from "@/lib/domain/seller-media/codes";
import { IMAGES_PER_PRODUCT, renditionHeight, renditionUrl } from "@/lib/domain/images/uploads";
import { isLocale, LOCALES, textDirection } from "@/lib/domain/markets";
import { pagePath, sellerViewer } from "@/lib/server/panels/viewer";
import { productMedia } from "@/lib/server/seller/media";
import { firstParam, type SearchParamValue } from "@/lib/domain/http/search-params";

export const dynamic = "force-dynamic";

type Params = { locale: string; id: string };
type Query = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sellerMedia" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const one = (value: SearchParamValue) => firstParam(value) ?? null;

/** A product's photos and, for a digital product, the file it delivers and its licence keys. */
export default async function ProductMediaPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Query> }) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/seller/products/${encodeURIComponent(id)}/media`;
  const viewer = await sellerViewer(locale, pagePath(path, query));
  const result = await productMedia(viewer, id);
  if (!result.ok) notFound();
  const { product, images, digitalFile, keys } = result.data;
  const [t, tp, format] = await Promise.all([
    getTranslations({ locale, namespace: "sellerMedia" }),
    getTranslations({ locale, namespace: "panel" }),
    getFormatter({ locale }),
  ]);
  const error = one(query.error);
  const done = one(query.done);
  const errorText = error ? tp(`error.${isMediaErrorCode(error) ? error : "INVALID_INPUT"}`) : null;
  const doneText = isMediaNotice(done) ? t(`done.${done}`) : null;
  const returnTo = path;
  const base = `/api/seller/products/${encodeURIComponent(product.id)}/media`;
  const megabytes = (bytes: number) => format.number(bytes / (1024 * 1024), { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
  const processing = images.some((image) => image.status === "PROCESSING");

  return (
    <div className="seller-media">
      <p className="small">
        <Link href={`/seller/products/${encodeURIComponent(product.id)}`}>{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="muted">{t("product", { title: product.title })}</p>
      <PanelNotice error={errorText} done={doneText} />

      <section aria-labelledby="media-images">
        <h2 id="media-images">{t("images.heading")}</h2>
        <p className="muted small">{t("images.count", { count: images.length, max: IMAGES_PER_PRODUCT })}</p>
        {images.length === 0 && <p>{t("images.none")}</p>}
        {processing && (
          <p className="note" data-testid="media-processing">
            {t("images.processing")} <Link href={`/seller/products/${encodeURIComponent(product.id)}/media`}>{t("images.refresh")}</Link>
          </p>
        )}
        <ol className="media-images">
          {images.map((image, index) => (
            <li key={image.id} className="media-image" data-testid="media-image" data-status={image.status}>
              <h3>{t("images.label", { position: index + 1 })}</h3>
              {image.status === "READY" ? (
                // eslint-disable-next-line @next/next/no-img-element -- a stored rendition, already sized
                <img src={renditionUrl(image.storageKey, image.widths[0]!, "webp")} width={image.widths[0]} height={renditionHeight(image, image.widths[0]!)} alt={image.alt[locale] ?? ""} loading="lazy" />
              ) : (
                <p className="media-placeholder">{t(`status.${image.status}`)}</p>
              )}
              <p className="small">
                {t("images.status")}: <span data-testid="media-image-status">{t(`status.${image.status}`)}</span> ·{" "}
                {t("images.size", { width: image.width, height: image.height })}
              </p>
              <div className="media-actions">
                <PanelForm action={`${base}/images/${image.id}/move`} locale={locale} returnTo={returnTo} className="inline-form">
                  <input type="hidden" name="direction" value="up" />
                  <button type="submit" className="secondary" disabled={index === 0}>{t("images.moveUp")}</button>
                </PanelForm>
                <PanelForm action={`${base}/images/${image.id}/move`} locale={locale} returnTo={returnTo} className="inline-form">
                  <input type="hidden" name="direction" value="down" />
                  <button type="submit" className="secondary" disabled={index === images.length - 1}>{t("images.moveDown")}</button>
                </PanelForm>
                <PanelForm action={`${base}/images/${image.id}/delete`} locale={locale} returnTo={returnTo} className="inline-form">
                  <button type="submit" className="danger">{t("images.delete")}</button>
                </PanelForm>
              </div>
              <details>
                <summary>{t("alt.heading")}</summary>
                <PanelForm action={`${base}/images/${image.id}/alt`} locale={locale} returnTo={returnTo}>
                  <p className="muted small">{t("alt.hint")}</p>
                  {LOCALES.map((code) => (
                    <PanelField key={code} id={`alt-${image.id}-${code}`} name={`alt-${code}`} label={languageName(code, locale)}
                      lang={code} dir={textDirection(code)} defaultValue={image.alt[code] ?? ""} maxLength={300} />
                  ))}
                  <button type="submit">{t("alt.submit")}</button>
                </PanelForm>
              </details>
            </li>
          ))}
        </ol>
        {images.length < IMAGES_PER_PRODUCT ? (
          <PanelForm action={`${base}/images`} locale={locale} returnTo={returnTo} upload label={t("images.upload")}>
            <PanelField id="media-image-file" name="image" type="file" accept="image/jpeg,image/png,image/webp" required label={t("images.file")} hint={t("images.hint")} />
            <button type="submit">{t("images.upload")}</button>
          </PanelForm>
        ) : (
          <p className="muted">{t("images.full")}</p>
        )}
      </section>

      {product.kind === "DIGITAL" && (
        <section aria-labelledby="media-digital">
          <h2 id="media-digital">{t("digital.heading")}</h2>
          <h3>{t("file.heading")}</h3>
          {digitalFile ? (
            <dl className="media-file" data-testid="media-digital-file">
              <dt>{t("file.name")}</dt>
              <dd>{digitalFile.fileName}</dd>
              <dt>{t("file.size")}</dt>
              <dd>{megabytes(digitalFile.byteSize)}</dd>
              <dt>{t("file.sha256")}</dt>
              <dd className="media-hash">{digitalFile.sha256}</dd>
              <dt>{t("file.uploaded")}</dt>
              <dd>{format.dateTime(digitalFile.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
            </dl>
          ) : (
            <p>{t("file.none")}</p>
          )}
          <PanelForm action={`${base}/file`} locale={locale} returnTo={returnTo} upload label={t("file.upload")}>
            <PanelField id="media-digital-file" name="file" type="file" required label={t("file.label")} hint={t("file.hint")} />
            <button type="submit">{t("file.upload")}</button>
          </PanelForm>

          <h3>{t("keys.heading")}</h3>
          <dl className="media-file" data-testid="media-keys">
            <dt>{t("keys.available")}</dt>
            <dd data-testid="media-keys-available">{format.number(keys.available)}</dd>
            <dt>{t("keys.assigned")}</dt>
            <dd data-testid="media-keys-assigned">{format.number(keys.assigned)}</dd>
          </dl>
          <PanelForm action={`${base}/keys`} locale={locale} returnTo={returnTo} label={t("keys.add")}>
            <div className="field">
              <label htmlFor="media-keys-text">{t("keys.label")}</label>
              <textarea id="media-keys-text" name="keys" rows={6} required aria-describedby="media-keys-hint" spellCheck={false} autoComplete="off" dir="ltr" />
              <span id="media-keys-hint" className="muted small">{t("keys.hint")}</span>
            </div>
            <button type="submit">{t("keys.add")}</button>
          </PanelForm>
        </section>
      )}
    </div>
  );
}
