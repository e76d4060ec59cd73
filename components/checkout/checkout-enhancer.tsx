"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";

/**
 * With JavaScript, changing the ship-to country or a delivery service re-quotes in
 * place: the same form post (intent=update), then the page's server parts refresh
 * without a full reload. Paying stays a plain form submit (it leaves for the payment page).
 */
export function CheckoutEnhancer() {
  const ref = useRef<HTMLSpanElement>(null);
  const router = useRouter();
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const update = async (event: Event) => {
      const target = event.target as HTMLInputElement | HTMLSelectElement;
      if (target.name !== "country" && !target.name.startsWith("delivery_")) return;
      const body = new FormData(form);
      body.set("intent", "update");
      form.setAttribute("aria-busy", "true");
      try {
        await fetch(form.getAttribute("action") ?? "/api/checkout", { method: "POST", body, headers: { accept: "application/json" }, credentials: "same-origin" });
      } finally {
        form.removeAttribute("aria-busy");
        router.refresh();
      }
    };
    form.addEventListener("change", update);
    return () => form.removeEventListener("change", update);
  }, [router]);
  return <span ref={ref} hidden />;
}
