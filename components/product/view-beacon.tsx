"use client";

import { useEffect } from "react";

/**
 * Counts one anonymous view of the product once the page has loaded: the product id
 * only, to the store's own origin, no cookie of its own (README "Analytics without
 * cookies"). Renders nothing, so the prerendered page stays the same for everyone.
 */
export function ViewBeacon({ productId }: { productId: string }) {
  useEffect(() => {
    const body = JSON.stringify({ productId });
    const url = "/api/events/view";
    const send = () => {
      const blob = new Blob([body], { type: "application/json" });
      if (typeof navigator.sendBeacon === "function" && navigator.sendBeacon(url, blob)) return;
      void fetch(url, { method: "POST", body, keepalive: true, credentials: "same-origin", headers: { "content-type": "application/json" } }).catch(() => undefined);
    };
    if (document.readyState === "complete") send();
    else {
      window.addEventListener("load", send, { once: true });
      return () => window.removeEventListener("load", send);
    }
  }, [productId]);
  return null;
}
