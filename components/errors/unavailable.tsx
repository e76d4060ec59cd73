"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";

/**
 * What a buyer sees when a page cannot be rendered, typically because the database is
 * unreachable. The server logs the error (instrumentation.ts); the digest links the two.
 */
export function Unavailable({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => {
    console.error("page error", error.digest ?? "", error.message);
  }, [error]);
  return (
    <div className="narrow error-page" role="alert">
      <h1>{t("unavailableTitle")}</h1>
      <p>{t("unavailableBody")}</p>
      <button type="button" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
