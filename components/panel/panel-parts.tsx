import type { ReactNode } from "react";
import { CsrfField } from "@/components/forms/csrf-field";

/**
 * A panel form: a plain POST to a route handler under /api/seller or /api/admin with
 * the locale, the page to come back to and the double-submit token (lib/server/panels/http.ts).
 */
export function PanelForm({
  action,
  locale,
  returnTo,
  children,
  label,
  upload,
  className,
}: {
  action: string;
  locale: string;
  returnTo: string;
  children: ReactNode;
  label?: string;
  /** multipart/form-data, for files. */
  upload?: boolean;
  className?: string;
}) {
  return (
    <form className={className ?? "panel-form"} method="post" action={action} aria-label={label} encType={upload ? "multipart/form-data" : undefined}>
      <CsrfField />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {children}
    </form>
  );
}

/** The translated outcome of the last form post (`?error=` or `?done=`), announced to screen readers. */
export function PanelNotice({ error, done }: { error?: string | null; done?: string | null }) {
  if (error) {
    return (
      <p className="note error" role="alert" data-testid="panel-error">
        {error}
      </p>
    );
  }
  if (done) {
    return (
      <p className="note" role="status" data-testid="panel-done">
        {done}
      </p>
    );
  }
  return null;
}

/** A labelled input. */
export function PanelField({ id, label, hint, ...input }: { id: string; label: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
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
