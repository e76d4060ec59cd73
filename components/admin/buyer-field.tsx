"use client";

import { useActionState, useId } from "react";
import { CsrfField } from "@/components/forms/csrf-field";

export type RevealAction = (
  previous: { field: string; lines: string[] } | { field: string; code: string } | null,
  form: FormData,
) => Promise<{ field: string; lines: string[] } | { field: string; code: string } | null>;

export interface BuyerFieldTexts {
  label: string;
  reveal: string;
  reason: string;
  reasonHint: string;
  submit: string;
  revealedNote: string;
  notHeld: string;
}

/**
 * One of the buyer's details on the operator's order page: masked, with a "Reveal" form
 * asking for a reason. A revealed value lives in this answer's render only: it is not in
 * the URL, and reloading the page shows the mask again. Works without JavaScript (the
 * server action's answer is the page rendered with the value).
 */
export function BuyerField({
  orderId,
  field,
  masked,
  held,
  texts,
  errors,
  action,
}: {
  orderId: string;
  field: string;
  masked: string;
  held: boolean;
  texts: BuyerFieldTexts;
  /** Translated refusals by code (messages panel.error.*). */
  errors: Record<string, string>;
  action: RevealAction;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  const mine = state && state.field === field ? state : null;
  const lines = mine && "lines" in mine ? mine.lines : null;
  const error = mine && "code" in mine ? (errors[mine.code] ?? errors.REVEAL_REFUSED) : null;
  return (
    <>
      <dt>{texts.label}</dt>
      <dd data-testid={`buyer-${field}`} data-revealed={lines ? "true" : "false"}>
        {lines ? (
          <>
            <bdi data-testid={`buyer-${field}-value`}>
              {lines.map((line, i) => (
                <span key={i}>
                  {i > 0 && <br />}
                  {line}
                </span>
              ))}
            </bdi>
            <span className="muted small buyer-field-note" role="status">
              {texts.revealedNote}
            </span>
          </>
        ) : (
          <bdi dir="ltr" data-testid={`buyer-${field}-masked`}>
            {held ? masked : texts.notHeld}
          </bdi>
        )}
        {held && !lines && (
          <details className="buyer-reveal" open={error ? true : undefined}>
            <summary>{texts.reveal}</summary>
            <form action={formAction} className="panel-form" aria-label={`${texts.reveal}: ${texts.label}`}>
              <CsrfField />
              <input type="hidden" name="orderId" value={orderId} />
              <input type="hidden" name="field" value={field} />
              {error && (
                <p className="note error" role="alert" data-testid="panel-error">
                  {error}
                </p>
              )}
              <div className="field">
                <label htmlFor={`${id}-reason`}>{texts.reason}</label>
                <textarea id={`${id}-reason`} name="reason" rows={2} required minLength={10} maxLength={500} aria-describedby={`${id}-hint`} />
                <span id={`${id}-hint`} className="muted small">
                  {texts.reasonHint}
                </span>
              </div>
              <button type="submit" disabled={pending}>
                {texts.submit}
              </button>
            </form>
          </details>
        )}
      </dd>
    </>
  );
}
