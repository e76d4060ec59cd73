"use client";

import { useEffect, useRef, useState } from "react";
import type { CartErrorCode } from "@/lib/domain/cart";
import { CART_CHANGED } from "./cart-link";

type Texts = { added: string; viewCart: string; failed: string; errors: Record<CartErrorCode, string> };

/**
 * With JavaScript, the add-to-cart form posts in place (no reload): the same form post,
 * asking for JSON, then a status line and the header's count updated.
 */
export function AddToCartEnhancer({ cartHref, texts }: { cartHref: string; texts: Texts }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const submit = async (event: SubmitEvent) => {
      event.preventDefault();
      const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
      if (button) button.disabled = true;
      try {
        // getAttribute: the form's `action` property is shadowed by its field named "action".
        const response = await fetch(form.getAttribute("action") ?? "/api/cart", { method: "POST", body: new FormData(form), headers: { accept: "application/json" }, credentials: "same-origin" });
        const body = (await response.json().catch(() => null)) as { ok?: boolean; code?: CartErrorCode; count?: number } | null;
        if (typeof body?.count === "number") window.dispatchEvent(new CustomEvent(CART_CHANGED, { detail: { count: body.count } }));
        setStatus(body?.ok ? { ok: true, text: texts.added } : { ok: false, text: (body?.code && texts.errors[body.code]) || texts.failed });
      } catch {
        setStatus({ ok: false, text: texts.failed });
      } finally {
        if (button) button.disabled = false;
      }
    };
    form.addEventListener("submit", submit);
    return () => form.removeEventListener("submit", submit);
  }, [texts]);
  return (
    <span ref={ref} role="status" aria-live="polite" className={status?.ok === false ? "add-to-cart-status error" : "add-to-cart-status"} data-testid="add-to-cart-status">
      {status?.text}
      {status?.ok ? (
        <>
          {" "}
          <a href={cartHref}>{texts.viewCart}</a>
        </>
      ) : null}
    </span>
  );
}
