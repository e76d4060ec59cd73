"use client";

import { useEffect, useRef } from "react";
import { CSRF_COOKIE, CSRF_FIELD, isCsrfToken } from "@/lib/domain/http/same-origin";

/** A fresh token; getRandomValues where randomUUID is missing (plain http on a non-local host). */
function newToken(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The double-submit token: this browser's `caravan_csrf` cookie, created on first use. */
export function csrfToken(): string {
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

/** The double-submit token as a hidden field, for browsers that send neither Origin nor Sec-Fetch-Site. */
export function CsrfField() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.value = csrfToken();
  }, []);
  return <input ref={ref} type="hidden" name={CSRF_FIELD} defaultValue="" />;
}
