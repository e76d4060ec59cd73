import type { ReactNode } from "react";
import { CsrfField } from "@/components/forms/csrf-field";

/** A labelled input of an account form. */
export function Field({ id, label, hint, ...input }: { id: string; label: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      )}
    </div>
  );
}

/** A plain form posting to /api/account/<action> (or to `action` itself when it is a path), with the locale and the double-submit token. */
export function AccountForm({ action, locale, children, label }: { action: string; locale: string; children: ReactNode; label?: string }) {
  return (
    <form className="account-form" method="post" action={action.startsWith("/") ? action : `/api/account/${action}`} aria-label={label}>
      <CsrfField />
      <input type="hidden" name="locale" value={locale} />
      {children}
    </form>
  );
}

/** The translated refusal or notice carried back in the query. */
export function Notice({ text, error }: { text: string; error?: boolean }) {
  return (
    <p className={error ? "note error" : "note"} role={error ? "alert" : "status"}>
      {text}
    </p>
  );
}
