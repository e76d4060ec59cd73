import type { ReactNode } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PanelShell } from "@/components/panel/panel-shell";
import { isLocale } from "@/lib/domain/markets";
import { currentViewer } from "@/lib/server/auth/viewer";

/** The operator's panel. */
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const viewer = await currentViewer(await headers());
  return (
    <PanelShell kind="admin" locale={locale} nav={viewer?.role === "OPERATOR"}>
      {children}
    </PanelShell>
  );
}
