import { notFound, redirect } from "next/navigation";
import { isLocale } from "@/lib/domain/markets";
import { operatorViewer } from "@/lib/server/panels/viewer";

export const dynamic = "force-dynamic";

/** The operator's panel opens on its sellers. */
export default async function AdminHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  await operatorViewer(locale, `/${locale}/admin`);
  redirect(`/${locale}/admin/sellers`);
}
