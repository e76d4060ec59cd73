"use client";

import { useEffect, useRef } from "react";
import { CSRF_FIELD } from "@/lib/domain/http/same-origin";
import { csrfToken } from "@/components/forms/csrf-field";

/**
 * Hidden fields for the preference endpoint: where to send the buyer back (the current
 * page with its query once JavaScript runs, the locale's home page before) and the
 * double-submit token, for browsers that send neither Origin nor Sec-Fetch-Site.
 * Also submits its form when the select inside it changes.
 */
export function ReturnToField({ fallback }: { fallback: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const csrfRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.value = window.location.pathname + window.location.search;
    if (csrfRef.current) csrfRef.current.value = csrfToken();
    const form = input.form;
    const select = form?.querySelector<HTMLSelectElement>("select[data-autosubmit]");
    const submit = () => form?.requestSubmit();
    select?.addEventListener("change", submit);
    return () => select?.removeEventListener("change", submit);
  }, []);
  return (
    <>
      <input ref={ref} type="hidden" name="returnTo" defaultValue={fallback} />
      <input ref={csrfRef} type="hidden" name={CSRF_FIELD} defaultValue="" />
    </>
  );
}
