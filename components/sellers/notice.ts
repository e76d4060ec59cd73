import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/markets";

type Query = Record<string, string | string[] | undefined>;
type Loose = { (key: string): string; has: (key: string) => boolean };

/**
 * The text of the last form post's outcome: `?error=CODE` from messages `panel.error`,
 * `?done=NOTICE` from `<namespace>.done`; anything unknown shows nothing.
 */
export async function noticeTexts(locale: Locale, query: Query, namespace: "onboarding" | "adminSellers"): Promise<{ error: string | null; done: string | null }> {
  const [errors, own] = (await Promise.all([getTranslations({ locale, namespace: "panel.error" }), getTranslations({ locale, namespace })])) as unknown as [Loose, Loose];
  const error = typeof query.error === "string" && /^[A-Z_]+$/.test(query.error) && errors.has(query.error) ? errors(query.error) : null;
  const done = typeof query.done === "string" && /^[A-Za-z]+$/.test(query.done) && own.has(`done.${query.done}`) ? own(`done.${query.done}`) : null;
  return { error, done };
}
