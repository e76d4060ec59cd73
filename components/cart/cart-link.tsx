"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/** The event the add-to-cart form dispatches with the new count, so the header follows without a reload. */
export const CART_CHANGED = "caravan:cart-changed";

/**
 * The header's cart link: the only per-user part of a browse page's shell (docs/adr/0008).
 * The page is static; this island asks the uncached `GET /api/cart` for the count after
 * load. Without JavaScript it is a plain link to the cart.
 */
export function CartLink({ href }: { href: string }) {
  const t = useTranslations("nav");
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    fetch("/api/cart", { headers: { accept: "application/json" }, credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { count?: number } | null) => {
        if (live && typeof body?.count === "number") setCount(body.count);
      })
      .catch(() => undefined);
    const onChange = (event: Event) => {
      const next = (event as CustomEvent<{ count: number }>).detail?.count;
      if (typeof next === "number") setCount(next);
    };
    window.addEventListener(CART_CHANGED, onChange);
    return () => {
      live = false;
      window.removeEventListener(CART_CHANGED, onChange);
    };
  }, []);
  return (
    <a href={href} className="cart-link" aria-label={count ? t("cartWithCount", { count }) : t("cart")} data-testid="cart-link">
      {t("cart")}
      {count ? (
        <span className="cart-count" aria-hidden="true" data-testid="cart-count">
          {count}
        </span>
      ) : null}
    </a>
  );
}
