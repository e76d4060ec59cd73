import type { ReactNode } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PanelShell } from "@/components/panel/panel-shell";
import { isLocale } from "@/lib/domain/markets";
import { currentViewer } from "@/lib/server/auth/viewer";

/** The seller panel: its sections for a seller member, none for someone still opening a shop. */
export default async function SellerLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const viewer = await currentViewer(await headers());
  return (
    <PanelShell kind="seller" locale={locale} nav={Boolean(viewer?.seller)}>
      {children}
    </PanelShell>
  );
}
