import { AccountForm } from "@/components/account/account-parts";

/** The erasure form of a person's data: a box to tick and the button, posted to `action` (a plain form, no JavaScript needed). */
export function EraseForm({ action, locale, returnTo, confirm, submit, label }: { action: string; locale: string; returnTo: string; confirm: string; submit: string; label?: string }) {
  return (
    <AccountForm action={action} locale={locale} label={label}>
      <input type="hidden" name="returnTo" value={returnTo} />
      <p className="checkbox-row">
        <input type="checkbox" id="erase-confirm" name="confirm" value="yes" required />
        <label htmlFor="erase-confirm">{confirm}</label>
      </p>
      <button type="submit" className="button danger" data-testid="data-erase">
        {submit}
      </button>
    </AccountForm>
  );
}
