import { getFormatter, getTranslations } from "next-intl/server";
import { PanelForm, PanelNotice } from "@/components/panel/panel-parts";
import type { Viewer } from "@/lib/domain/accounts";
import { CARRIERS } from "@/lib/domain/logistics/carriers";
import { SHIPMENT_STATUSES } from "@/lib/domain/logistics/status";
import type { Locale } from "@/lib/domain/markets";
import { listShipments } from "@/lib/server/logistics/shipments";

type Query = Record<string, string | string[] | undefined>;
type Loose = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/**
 * The seller order page's shipments: what remains to ship, a form to create a parcel
 * (carrier, tracking number, weight, and per item how many units it carries), and each
 * shipment with its status, its tracking events in time order, its documents and a form
 * for a manual tracking update. Plain forms posting to /api/seller/shipments.
 */
export async function ShipmentsSection({ viewer, locale, subOrderId, query }: { viewer: Viewer; locale: Locale; subOrderId: string; query: Query }) {
  const [t, errors, format, result] = await Promise.all([
    getTranslations({ locale, namespace: "shipments" }),
    getTranslations({ locale, namespace: "panel.error" }) as unknown as Promise<Loose>,
    getFormatter({ locale }),
    listShipments(viewer, subOrderId),
  ]);
  if (!result.ok) return null;
  const loose = t as unknown as Loose;
  const returnTo = `/${locale}/seller/orders/${subOrderId}`;
  const error = typeof query.error === "string" && /^[A-Z_]+$/.test(query.error) && errors.has(query.error) ? errors(query.error) : null;
  const done = typeof query.done === "string" && /^[A-Za-z]+$/.test(query.done) && loose.has(`done.${query.done}`) ? loose(`done.${query.done}`) : null;
  const time = (d: Date) => <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })}</time>;
  const physical = result.lines.filter((l) => l.kind === "PHYSICAL");
  const open = physical.filter((l) => l.remaining > 0);
  const nowUtc = new Date().toISOString().slice(0, 19);
  return (
    <section aria-labelledby="shipments-heading" className="shipments" data-testid="shipments">
      <h2 id="shipments-heading">{t("title")}</h2>
      <PanelNotice error={error} done={done} />
      <p className="muted">{t("intro")}</p>

      <h3 id="remaining-heading">{t("remainingTitle")}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="remaining-heading">
        <table className="panel-table">
          <thead>
            <tr>
              <th scope="col">{t("columns.item")}</th>
              <th scope="col" className="num">{t("columns.ordered")}</th>
              <th scope="col" className="num">{t("columns.shipped")}</th>
              <th scope="col" className="num">{t("columns.remaining")}</th>
            </tr>
          </thead>
          <tbody>
            {physical.map((line) => (
              <tr key={line.orderLineId} data-testid="shipment-remaining" data-sku={line.sku} data-remaining={line.remaining}>
                <td>
                  {line.title} <span className="muted small">{line.variantName} · <span dir="ltr">{line.sku}</span></span>
                </td>
                <td className="num">{format.number(line.ordered - line.withdrawn)}</td>
                <td className="num">{format.number(line.shipped)}</td>
                <td className="num">{format.number(line.remaining)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open.length === 0 && <p data-testid="shipments-all-shipped">{t("allShipped")}</p>}
      {result.closed && <p className="note">{t(`closed.${result.closed}`)}</p>}

      {result.canShip && (
        <PanelForm action="/api/seller/shipments" locale={locale} returnTo={returnTo} label={t("create.title")} className="panel-form shipment-create">
          <h3>{t("create.title")}</h3>
          <input type="hidden" name="subOrderId" value={subOrderId} />
          <div className="field">
            <label htmlFor="shipment-carrier">{t("create.carrier")}</label>
            <select id="shipment-carrier" name="carrier" required defaultValue="">
              <option value="" disabled>
                {t("create.chooseCarrier")}
              </option>
              {CARRIERS.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="shipment-tracking">{t("create.trackingNumber")}</label>
            <input id="shipment-tracking" name="trackingNumber" required maxLength={60} dir="ltr" autoComplete="off" spellCheck={false} aria-describedby="shipment-tracking-hint" />
            <span id="shipment-tracking-hint" className="muted small">{t("create.trackingHint")}</span>
          </div>
          <div className="field">
            <label htmlFor="shipment-weight">{t("create.weight")}</label>
            <input id="shipment-weight" name="weightGrams" type="number" inputMode="numeric" min={1} max={30000} step={1} required />
          </div>
          <fieldset className="shipment-quantities">
            <legend>{t("create.items")}</legend>
            {open.map((line) => (
              <div className="field" key={line.orderLineId}>
                <label htmlFor={`qty-${line.orderLineId}`}>{t("create.quantity", { title: line.title, remaining: line.remaining })}</label>
                <input id={`qty-${line.orderLineId}`} name={`qty_${line.orderLineId}`} type="number" inputMode="numeric" min={0} max={line.remaining} step={1} defaultValue={line.remaining} data-sku={line.sku} />
              </div>
            ))}
          </fieldset>
          <button type="submit" data-testid="shipment-create">{t("create.submit")}</button>
        </PanelForm>
      )}

      {result.shipments.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        result.shipments.map((s, index) => (
          <article key={s.id} className="shipment-card" aria-labelledby={`shipment-${s.id}`} data-testid="shipment" data-shipment-id={s.id} data-status={s.status}>
            <h3 id={`shipment-${s.id}`}>
              {t("shipment.heading", { index: index + 1, carrier: s.carrierName })} <span dir="ltr">{s.trackingNumber}</span>
            </h3>
            <dl className="seller-facts">
              <dt>{t("shipment.status")}</dt>
              <dd data-testid="shipment-status">
                {t(`statuses.${s.status}`)} · {time(s.statusAt)}
              </dd>
              <dt>{t("shipment.weight")}</dt>
              <dd>{t("shipment.grams", { grams: format.number(s.weightGrams) })}</dd>
              <dt>{t("shipment.items")}</dt>
              <dd>
                <ul className="shipment-items">
                  {s.lines.map((l) => (
                    <li key={l.orderLineId}>{t("shipment.item", { quantity: l.quantity, title: l.title })}</li>
                  ))}
                </ul>
              </dd>
            </dl>
            <p className="shipment-links">
              {s.trackingUrl?.startsWith("https://") && (
                <a href={s.trackingUrl} rel="noopener noreferrer external" target="_blank">
                  {t("shipment.track", { carrier: s.carrierName })}
                </a>
              )}
              <a className="button" href={`/api/seller/shipments/${s.id}/packing-slip`} download data-testid="shipment-packing-slip">
                {t("shipment.packingSlip")}
              </a>
              <a className="button" href={`/api/seller/shipments/${s.id}/customs-declaration?locale=${locale}`} download data-testid="shipment-customs">
                {t("shipment.customs")}
              </a>
            </p>
            <h4 id={`events-${s.id}`}>{t("shipment.events")}</h4>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`events-${s.id}`}>
              <table className="panel-table">
                <thead>
                  <tr>
                    <th scope="col">{t("events.at")}</th>
                    <th scope="col">{t("events.status")}</th>
                    <th scope="col">{t("events.place")}</th>
                    <th scope="col">{t("events.note")}</th>
                    <th scope="col">{t("events.source")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.events.map((e) => (
                    <tr key={e.id} data-testid="shipment-event" data-kind={e.kind}>
                      <td>{time(e.at)}</td>
                      <td>{t(`statuses.${e.kind}`)}</td>
                      <td>{e.location ?? ""}</td>
                      <td>{e.carrierText ? <q>{e.carrierText}</q> : ""}</td>
                      <td>{t(e.source === "CARRIER" ? "events.carrier" : "events.seller")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <PanelForm action={`/api/seller/shipments/${s.id}/events`} locale={locale} returnTo={returnTo} label={t("update.title")} className="panel-form shipment-update">
              <h4>{t("update.title")}</h4>
              <div className="field">
                <label htmlFor={`kind-${s.id}`}>{t("update.kind")}</label>
                <select id={`kind-${s.id}`} name="kind" required defaultValue="IN_TRANSIT">
                  {SHIPMENT_STATUSES.map((k) => (
                    <option key={k} value={k}>
                      {t(`statuses.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`at-${s.id}`}>{t("update.at")}</label>
                <input id={`at-${s.id}`} name="at" type="datetime-local" step={1} required defaultValue={nowUtc} aria-describedby={`at-${s.id}-hint`} />
                <span id={`at-${s.id}-hint`} className="muted small">{t("update.atHint")}</span>
              </div>
              <div className="field">
                <label htmlFor={`location-${s.id}`}>{t("update.location")}</label>
                <input id={`location-${s.id}`} name="location" maxLength={200} />
              </div>
              <div className="field">
                <label htmlFor={`note-${s.id}`}>{t("update.note")}</label>
                <textarea id={`note-${s.id}`} name="note" maxLength={500} rows={2} aria-describedby={`note-${s.id}-hint`} />
                <span id={`note-${s.id}-hint`} className="muted small">{t("update.noteHint")}</span>
              </div>
              <button type="submit" data-testid="shipment-update">{t("update.submit")}</button>
            </PanelForm>
          </article>
        ))
      )}
    </section>
  );
}
