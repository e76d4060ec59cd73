"use client";

import { useEffect, useRef } from "react";
import { CSRF_COOKIE, CSRF_FIELD, isCsrfToken } from "@/lib/domain/http/same-origin";

/** A fresh token; getRandomValues where randomUUID is missing (plain http on a non-local host). */
function newToken(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The double-submit token: this browser's `caravan_csrf` cookie, created on first use. */
function csrfToken(): string {
  const existing = document.cookie
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${CSRF_COOKIE}=`))
    ?.slice(CSRF_COOKIE.length + 1);
  if (isCsrfToken(existing)) return existing;
  const token = newToken();
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${CSRF_COOKIE}=${token}; Path=/; SameSite=Strict${secure}`;
  return token;
}

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
