"use client";

import { useEffect, useRef } from "react";

/**
 * Hidden field telling the preference endpoint where to send the buyer back: the
 * current page (with its query) once JavaScript runs, the locale's home page before.
 * Also submits its form when the select inside it changes.
 */
export function ReturnToField({ fallback }: { fallback: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.value = window.location.pathname + window.location.search;
    const form = input.form;
    const select = form?.querySelector<HTMLSelectElement>("select[data-autosubmit]");
    const submit = () => form?.requestSubmit();
    select?.addEventListener("change", submit);
    return () => select?.removeEventListener("change", submit);
  }, []);
  return <input ref={ref} type="hidden" name="returnTo" defaultValue={fallback} />;
}
