"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A panel section's link, marked as the current page for the section the visitor is in
 * (the overview only on its own path, other sections on their subpages too).
 */
export function PanelNavLink({ href, exact, children }: { href: string; exact: boolean; children: ReactNode }) {
  const pathname = usePathname();
  const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <a href={href} aria-current={current ? "page" : undefined}>
      {children}
    </a>
  );
}
